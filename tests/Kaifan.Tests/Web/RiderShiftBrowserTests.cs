using System.Globalization;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// 下班时间 in the rider app, on a host of its own: the test moves the clock past a choice, which would shift the
/// times every other story on a shared host shows.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderShiftBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_rider_who_picks_a_shift_end_goes_online_until_then_and_a_choice_the_clock_passed_meanwhile_is_refused()
    {
        const int riderNo = 3;
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await context.NewPageAsync();
        try
        {
            await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
            var riderApp = rider.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            var choice = rider.Locator("[data-testid=shift-end-choice]");
            (await choice.InputValueAsync()).ShouldBe("", "不设 is the default");
            await Expect(choice.Locator("option").First).ToHaveTextAsync("不设");

            // The earliest choice, then the clock passes it before the rider taps 上线.
            await choice.SelectOptionAsync(new SelectOptionValue { Index = 1 });
            var passed = DateTimeOffset.Parse(await choice.InputValueAsync(), CultureInfo.InvariantCulture);
            app.Clock.Advance(passed - app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
            await rider.Locator("[data-testid=go-online]").ClickAsync();
            await rider.Locator("[data-testid=manual-online]").ClickAsync();
            await Expect(rider.Locator("[data-testid=rider-error]")).ToContainTextAsync("下班时间须晚于现在");
            await Expect(rider.Locator("[data-testid=rider-error]")).Not.ToContainTextAsync("shiftEndsAt"); // the API's English gloss
            (await choice.InputValueAsync()).ShouldBe(ChoiceValue(passed), "the passed choice stays chosen, so the rider sees why");
            await Expect(riderApp).ToHaveAttributeAsync("data-online", "false");

            var now = app.Clock.GetUtcNow();
            var optionsWithThePassedOne = await choice.Locator("option").CountAsync();
            var option = choice.Locator("option").Nth(4);
            var end = DateTimeOffset.Parse((await option.GetAttributeAsync("value"))!, CultureInfo.InvariantCulture);
            end.Minute.ShouldBeOneOf(0, 30);
            (end - now).ShouldBeInRange(TimeSpan.FromHours(1), TimeSpan.FromHours(10));
            var local = end.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture);
            (await option.TextContentAsync()).ShouldBe(local, "the choice reads in Shanghai time");
            await choice.SelectOptionAsync(new SelectOptionValue { Label = local });
            // Choosing drops the passed time from the list; the select must still show what was chosen.
            await Expect(choice.Locator("option")).ToHaveCountAsync(optionsWithThePassedOne - 1);
            (await choice.InputValueAsync()).ShouldBe(ChoiceValue(end));
            await rider.Locator("[data-testid=manual-online]").ClickAsync();

            await Expect(riderApp).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(rider.Locator("[data-testid=rider-error]")).ToHaveCountAsync(0);
            await Expect(rider.Locator("[data-testid=shift-end]")).ToHaveTextAsync($"下班 {local}");
            var status = JsonNode.Parse(await app.Client(TestTokens.Rider(riderNo)).GetStringAsync("/api/rider/status"))!;
            status["shiftEndsAt"]!.GetValue<DateTimeOffset>().ShouldBe(end);

            await rider.ReloadAsync();
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await Expect(rider.Locator("[data-testid=shift-end]")).ToHaveTextAsync($"下班 {local}");
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    [Theory]
    [InlineData("zh-Hans", 5)]
    [InlineData("en", 6)]
    public async Task the_header_stays_one_line_on_a_narrow_phone_offline_and_online_with_a_shift_end(string culture, int riderNo)
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await context.NewPageAsync();
        await rider.SetViewportSizeAsync(360, 740);
        try
        {
            await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
            await rider.GotoAsync($"/rider?culture={culture}");
            var riderApp = rider.Locator("[data-testid=rider-app]");
            await Expect(riderApp).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await HeaderIsOneLineAsync(rider, "offline");

            await rider.Locator("[data-testid=shift-end-choice]").SelectOptionAsync(new SelectOptionValue { Index = 4 });
            await rider.Locator("[data-testid=go-online]").ClickAsync();
            await rider.Locator("[data-testid=manual-online]").ClickAsync();
            await Expect(rider.Locator("[data-testid=shift-end]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await HeaderIsOneLineAsync(rider, "online");
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    /// <summary>Every item of the header shares one row, none wraps its own text, nothing spills past the screen's edge.</summary>
    private static async Task HeaderIsOneLineAsync(IPage page, string state)
    {
        var layout = await page.Locator(".rider-top").EvaluateAsync<HeaderLayout>(
            @"h => {
                const kids = [...h.children].map(c => c.getBoundingClientRect());
                return {
                    overflows: h.scrollWidth > h.clientWidth,
                    lowestTop: Math.max(...kids.map(k => k.top)),
                    highestBottom: Math.min(...kids.map(k => k.bottom)),
                    tallest: Math.max(...kids.map(k => k.height)),
                };
            }");
        layout.Overflows.ShouldBeFalse($"{state}: the header spills past the screen");
        layout.LowestTop.ShouldBeLessThan(layout.HighestBottom, $"{state}: the header's items fall on two rows");
        layout.Tallest.ShouldBeLessThan(40, $"{state}: an item of the header wraps onto a second line");
    }

    private sealed class HeaderLayout
    {
        public bool Overflows { get; init; }
        public double LowestTop { get; init; }
        public double HighestBottom { get; init; }
        public double Tallest { get; init; }
    }

    private static string ChoiceValue(DateTimeOffset end) => end.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
