using System.Net;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Insights;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>A shop that says 10 minutes and takes 25 sees so on its board, and the accept picker starts at 25.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class PrepTimesBrowserTests(PrepLearningSqliteApp app) : BrowserTests(app), IClassFixture<PrepLearningSqliteApp>
{
    [Fact]
    public async Task the_board_shows_the_learned_prep_times_and_the_accept_picker_starts_at_this_hours_learned_minutes()
    {
        await SlowKitchen.LearnedAsync(app);
        const int customer = 4;
        var placed = await PlacedAsync(app.Client(TestTokens.Customer(customer)), Cart(customer, Line(ColdBeef, 1)));
        var orderId = IdOf(placed);
        await app.PayAsync(placed);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(orderId, customer) == "AwaitingAcceptance", "the order is paid");

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var merchant = await context.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        var hour = SlowKitchen.ShanghaiHour(app);
        var now = merchant.Locator($"[data-testid=prep-times] .prep-hour[data-hour='{hour}']");
        await Expect(merchant.Locator("[data-testid=prep-times]")).ToContainTextAsync("各时段实际出餐 (分钟)", new() { Timeout = 15_000 });
        await Expect(now).ToContainTextAsync($"{hour:00}:00 25");
        await Expect(now).ToContainTextAsync("自报 10 · 3单");

        // The board rings only once it is interactive: a click before that would land on the prerendered page.
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "ringing", new() { Timeout = 15_000 });
        var card = merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
        await card.Locator("[data-testid=accept]").ClickAsync();
        await Expect(card.Locator("[data-testid=prep-hint]")).ToHaveTextAsync("近期此时段实际出餐约25分钟");
        await card.Locator("[data-testid=confirm-accept]").ClickAsync();

        JsonNode? accepted = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                accepted = await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}"));
                return accepted["status"]!.GetValue<string>() == "Accepted";
            },
            "the shop accepted the order");
        accepted!["prepMinutes"]!.GetValue<int>().ShouldBe(25, "the picker started at the learned minutes");
    }
}
