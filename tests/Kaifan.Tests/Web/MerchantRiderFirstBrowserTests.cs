using System.Net;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// The usual lunchtime order of events: the shop accepts, a rider takes the offer and reaches the counter before the
/// food is ready. The card stays in 备餐中 with 出餐 and says where the rider is; the shop taps 出餐 on the board, the
/// card moves to 待取餐, and the rider's 取餐 succeeds and takes it to 已完成.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class MerchantRiderFirstBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    /// <summary>True when every piece of the element's text sits on the same line (a wrapped text node has a rect per line).</summary>
    private const string OneLine = """
        b => {
            const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT), tops = new Set();
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(n);
                for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
            }
            return tops.size === 1;
        }
        """;

    private static readonly LocatorAssertionsToBeVisibleOptions Pushed = new() { Timeout = 20_000 };

    [Fact]
    public async Task the_shop_keeps_its_ready_button_when_a_rider_accepts_and_arrives_first_and_the_pickup_then_succeeds()
    {
        const int rider = 1;
        var orderId = await PlacePaidOrderAsync(await TokenAsync(DemoCampus.CustomerPhone(3)));

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var merchant = await context.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "ringing", new() { Timeout = 15_000 });
        var card = merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
        ILocator CardIn(string column) => merchant.Locator($"[data-column={column}] [data-testid=board-order][data-order-id='{orderId}']");
        await card.Locator("[data-testid=accept]").ClickAsync();
        // On a desktop-wide board each prep choice ("15分钟") stays on one line, not one character per line.
        var choices = card.Locator("[data-testid=prep-picker] .rz-button");
        await Expect(choices.First).ToBeVisibleAsync();
        foreach (var choice in await choices.AllAsync())
        {
            (await choice.EvaluateAsync<bool>(OneLine))
                .ShouldBeTrue($"{await choice.TextContentAsync()} fits on one line");
        }

        await card.Locator("[data-testid=confirm-accept]").ClickAsync();
        await Expect(CardIn("Accepted")).ToBeVisibleAsync();

        await app.AssignAsync(orderId, rider);
        await Expect(CardIn("Accepted").Locator("[data-testid=rider-state][data-status=RiderAssigned]")).ToBeVisibleAsync(Pushed);
        await Expect(card.Locator("[data-testid=rider-state]")).ToHaveTextAsync("🛵 骑手已接单·赶来中");
        await Expect(card.Locator("[data-testid=ready]")).ToBeVisibleAsync();

        (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Expect(CardIn("Accepted").Locator("[data-testid=rider-state][data-status=ArrivedAtMerchant]")).ToBeVisibleAsync(Pushed);
        await Expect(card.Locator("[data-testid=rider-state]")).ToHaveTextAsync("🛵 骑手已到店");
        (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the food is not ready yet");

        await card.Locator("[data-testid=ready]").ClickAsync();
        await Expect(CardIn("Ready")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-testid=ready]")).ToHaveCountAsync(0);
        await Expect(card.Locator("[data-testid=rider-state]")).ToHaveTextAsync("🛵 骑手已到店");

        (await app.StepAsync(rider, orderId, "pickup")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Expect(CardIn("Done")).ToBeVisibleAsync(Pushed);
        await Expect(card.Locator("[data-testid=rider-state]")).ToHaveCountAsync(0);
        await Expect(merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']")).ToHaveCountAsync(1);
    }
}
