using System.Net;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Web.Components.Ops;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// 按骑手: the dispatcher drags an order from 待分配 onto a rider's lane and back, and a drop the rider cannot take
/// (stairs) returns with the server's reason. Through the real ops reassign endpoint, audited.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsLanesBrowserTests : BrowserTests, IClassFixture<LunchtimeSqliteApp>
{
    // Rider 1 takes stairs; rider 2 does not. Customer 4 lives up stairs with no lift.
    private const int Capable = 1, NoStairs = 2;

    private readonly LunchtimeSqliteApp app;

    public OpsLanesBrowserTests(LunchtimeSqliteApp app)
        : base(app) => this.app = app;

    [Fact]
    public async Task the_dispatcher_drags_an_order_onto_a_riders_lane_and_back_and_a_refused_drop_returns_with_the_reason()
    {
        try
        {
            await app.OnlineAsync(Capable);
            await app.OnlineAsync(NoStairs, latOffset: 0.001);

            // Rider 2's phone goes quiet: 失联, offered nothing by the rounds. Rider 1 keeps reporting.
            await app.AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1), Capable);
            var order = await app.AcceptedOrderAsync(customer: 1, ready: true);
            var stairs = await app.AcceptedOrderAsync(customer: 4, ready: true);

            // Dispatch rounds run every few seconds; once rider 1 has declined both, they stay in 待分配 until the dispatcher moves them.
            await DeclinedAsync(Capable, order, stairs);

            await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
            var ops = await context.NewPageAsync();
            await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(ops.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await ops.Locator("[data-testid=ops-view-riders]").ClickAsync();

            var pending = ops.Locator("[data-lane=pending]");
            var capable = ops.Locator($"[data-lane='{DemoCampus.RiderId(Capable)}']");
            var silent = ops.Locator($"[data-lane='{DemoCampus.RiderId(NoStairs)}']");
            await Expect(pending.Locator($"[data-order-id='{order}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(pending.Locator($"[data-order-id='{stairs}']")).ToBeVisibleAsync();
            await Expect(capable.Locator("[data-testid=ops-lane-tasks]")).ToHaveTextAsync("0/5单");
            await Expect(capable.Locator("[data-testid=ops-lane-state]")).ToHaveCountAsync(0);
            await Expect(capable).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("faded"));
            await Expect(silent.Locator("[data-testid=ops-lane-state]")).ToHaveTextAsync("失联");
            await Expect(silent).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("faded"));

            await pending.Locator($"[data-order-id='{order}']").DragToAsync(capable);
            var landed = capable.Locator($"[data-order-id='{order}']");
            await Expect(landed.Locator("[data-testid=ops-order-meta]")).ToHaveTextAsync("待接单", new() { Timeout = 15_000 });
            await Expect(ops.Locator("[data-testid=ops-message]")).ToHaveTextAsync("已改派给 137****0001");
            await Expect(capable.Locator("[data-testid=ops-lane-tasks]")).ToHaveTextAsync("1/5单");
            await Expect(pending.Locator($"[data-order-id='{order}']")).ToHaveCountAsync(0);
            (await app.OfferOfAsync(Capable, order)).ShouldNotBeNull("the rider's app has the offer");
            await ShouldBeAuditedAsync(order, times: 1);
            await Browser.ScreenshotAsync(ops, "ops-lanes", landed);

            // The map draws each order's pickup and drop-off in the colour of its card's dot; the silent rider faded.
            foreach (var colour in new[] { order, stairs }.Select(OrderColours.Of).Distinct())
            {
                var orders = new[] { order, stairs }.Count(o => OrderColours.Of(o) == colour);
                await Expect(ops.Locator($"[data-testid=ops-map] path[fill='{colour}']")).ToHaveCountAsync(2 * orders);
            }

            await Expect(landed.Locator(".oc-dot")).ToHaveAttributeAsync("style", $"background: {OrderColours.Of(order)}");
            await Expect(ops.Locator("[data-testid=ops-map] [fill='#b3d4f5']")).ToHaveCountAsync(1);

            await landed.DragToAsync(pending);
            await Expect(pending.Locator($"[data-order-id='{order}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(ops.Locator("[data-testid=ops-message]")).ToHaveTextAsync("已退回待分配");
            await Expect(capable.Locator($"[data-order-id='{order}']")).ToHaveCountAsync(0);
            (await app.OfferOfAsync(Capable, order)).ShouldBeNull("the offer was withdrawn");
            (await BoardAsync())["pending"]!.AsArray().ShouldContain(o => o!["orderId"]!.GetValue<Guid>() == order);
            await ShouldBeAuditedAsync(order, times: 2);

            await pending.Locator($"[data-order-id='{stairs}']").DragToAsync(silent);
            await Expect(ops.Locator("[data-testid=ops-error]")).ToContainTextAsync("该骑手不接爬楼单", new() { Timeout = 15_000 });
            await Expect(pending.Locator($"[data-order-id='{stairs}']")).ToBeVisibleAsync();
            await Expect(silent.Locator($"[data-order-id='{stairs}']")).ToHaveCountAsync(0);
            (await app.OfferOfAsync(NoStairs, stairs)).ShouldBeNull();
        }
        finally
        {
            await app.OfflineAsync(Capable, NoStairs);
        }
    }

    /// <summary>Runs rounds, the rider declining each offer, until they have declined every one of <paramref name="orders"/>.</summary>
    private async Task DeclinedAsync(int rider, params Guid[] orders)
    {
        var declined = new HashSet<Guid>();
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await app.Zone(DeliveryKit.EastZone).RunRound();
                foreach (var offer in await app.OffersAsync(rider))
                {
                    (await app.Rider(rider).PostAsync($"/api/rider/offers/{offer!["offerId"]!.GetValue<Guid>()}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
                    declined.UnionWith(offer["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<Guid>()));
                }

                return orders.All(declined.Contains);
            },
            $"rider {rider} declined every order");
    }

    private async Task<JsonNode> BoardAsync() =>
        await JsonOf(await app.Client(TestTokens.Operator()).GetAsync($"/api/ops/zones/{DeliveryKit.EastZone}/dispatch"));

    /// <summary>Each move is one 改派订单 entry in the audit log, recorded as the request ends.</summary>
    private Task ShouldBeAuditedAsync(Guid orderId, int times) => PaymentProbe.EventuallyAsync(
        async () => (await JsonOf(await app.Client(TestTokens.Operator()).GetAsync("/api/ops/audit?action=order.reassigned")))["entries"]!.AsArray()
            .Count(e => e!["subjectId"]?.GetValue<string>() == orderId.ToString() && e["outcome"]!.GetValue<int>() == 200) == times,
        $"{times} reassignments of {orderId} in the audit log",
        seconds: 10);
}
