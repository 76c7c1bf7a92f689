using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 幸运大转盘 on the phone: 我的 leads to the wheel, 抽奖 turns it in place to the segment the server drew and names the
/// prize, the day's spin is spent, and a friend opening the share link earns one more.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class LuckyWheelBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_spins_the_wheel_sees_where_it_stopped_and_a_friend_opening_the_share_link_earns_another_spin()
    {
        const int customer = 4;
        var phone = DemoCampus.CustomerPhone(customer);
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await page.GotoAsync("/m/me");
        await page.Locator("[data-testid=wheel-entry]").ClickAsync();
        await page.WaitForURLAsync("**/m/wheel");

        var token = await TokenAsync(phone);
        var shown = (await app.Client(token).GetFromJsonAsync<JsonNode>("/api/growth/wheel"))!;
        await Expect(page.Locator("[data-testid=lucky-wheel]")).ToHaveAttributeAsync("data-wheel-id", shown["wheelId"]!.GetValue<Guid>().ToString());
        await Expect(page.Locator("[data-testid=wheel-segment]")).ToHaveCountAsync(shown["segments"]!.AsArray().Count);
        await Expect(page.Locator("[data-testid=spins-left]")).ToHaveAttributeAsync("data-left", "1");
        await page.EvaluateAsync("() => window.__stayed = true");
        await page.Locator("[data-testid=wheel-spin]").ClickAsync();

        var result = page.Locator("[data-testid=wheel-result]");
        await Expect(result).ToBeVisibleAsync();
        var segment = await result.GetAttributeAsync("data-segment");
        await Expect(page.Locator("[data-testid=wheel-disc]")).ToHaveAttributeAsync("data-landed", segment!);
        await Expect(page.Locator("[data-testid=spins-left]")).ToHaveAttributeAsync("data-left", "0");
        await Expect(page.Locator("[data-testid=wheel-spin]")).ToBeDisabledAsync();
        (await page.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the wheel turned in place, without a page load");

        var spins = (await app.Client(token).GetFromJsonAsync<JsonNode>("/api/growth/wheel"))!;
        spins["lastSpin"]!["segment"]!.GetValue<int>().ToString().ShouldBe(segment);
        var won = spins["lastSpin"]!["kind"]!.GetValue<string>() == "coupon";
        await Expect(page.Locator("[data-testid=wheel-prize]")).ToHaveCountAsync(won ? 1 : 0);
        await Browser.ScreenshotAsync(page, "customer-lucky-wheel", result);

        var link = await page.Locator("[data-testid=wheel-share-link]").InputValueAsync();
        await using var friendContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var friend = await friendContext.NewPageAsync();
        // The friend is not signed in yet: the link leads through sign-in and back to the wheel.
        await SignInAsync(friend, new Uri(link).PathAndQuery, DemoCampus.CustomerPhone(2));
        friend.Url.ShouldContain("/m/wheel?from=");
        await Expect(friend.Locator("[data-testid=wheel-share-result]")).ToContainTextAsync("助力成功");

        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=spins-left]")).ToHaveAttributeAsync("data-left", "1");
        await Expect(page.Locator("[data-testid=wheel-spin]")).ToBeEnabledAsync();
    }
}
