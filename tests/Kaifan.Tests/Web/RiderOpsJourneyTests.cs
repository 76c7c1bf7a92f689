using Kaifan.BuildingBlocks;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Web;

/// <summary>
/// The rider app and the ops console in one story on a host of its own: a paid order is accepted and readied on the
/// merchant console, a rider goes online by hand, takes the offer (marked 特殊关照, as the customer asked) and delivers it,
/// and the customer's order page reaches 已送达 without a reload while the operator's board follows.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderOpsJourneyTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_rider_takes_the_offer_and_delivers_while_the_customer_watches_and_ops_sees_the_board()
    {
        const int customerNo = 2, riderNo = 1;
        var orderId = await PlacePaidOrderAsync(await TokenAsync(DemoCampus.CustomerPhone(customerNo)), specialCare: true);

        await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var customer = await customerContext.NewPageAsync();
        await SignInAsync(customer, "/m/login", DemoCampus.CustomerPhone(customerNo));
        await customer.GotoAsync($"/m/orders/{orderId}");
        await customer.EvaluateAsync("() => window.__stayed = true");
        var title = customer.Locator("[data-testid=order-title]");
        await Expect(title).ToHaveTextAsync("等待商家接单", new() { Timeout = 20_000 });

        await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);
        var merchant = await merchantContext.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        var card = merchant.Locator($"[data-testid=board-order][data-order-id='{orderId}']");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(merchant.Locator("body")).ToHaveAttributeAsync("data-alert", "ringing", new() { Timeout = 15_000 });
        await card.Locator("[data-testid=accept]").ClickAsync();
        await card.Locator("[data-testid=confirm-accept]").ClickAsync();
        await card.Locator("[data-testid=ready]").ClickAsync();
        await Expect(title).ToHaveTextAsync("商家已出餐", new() { Timeout = 15_000 });

        await using var riderContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await riderContext.NewPageAsync();
        try
        {
            await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
            await Expect(rider.Locator("[data-testid=offline-banner]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await rider.Locator("[data-testid=go-online]").ClickAsync();
            await Expect(rider.Locator("[data-testid=manual-position]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            (await rider.Locator("[data-testid=manual-lat]").InputValueAsync()).ShouldStartWith("31.");
            await rider.Locator("[data-testid=manual-online]").ClickAsync();
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-online", "true");
            await Expect(rider.Locator("[data-testid=offline-banner]")).ToHaveCountAsync(0);

            var offer = rider.Locator("[data-testid=offer]", new() { Has = rider.Locator($"[data-order-id='{orderId}']") });
            await PaymentProbe.EventuallyAsync(
                async () =>
                {
                    await app.Zone(DeliveryKit.EastZone).RunRound();
                    await Task.Delay(2_500);
                    return await offer.CountAsync() == 1;
                },
                "the rider app shows the offer");
            await Expect(offer.Locator("[data-testid=offer-countdown]")).ToContainTextAsync("秒后失效");
            // The offer names the shop and marks the customer's request for special care; the door's address waits for 接单.
            await Expect(offer.Locator("[data-testid=offer-shop]")).ToHaveTextAsync("老马家兰州牛肉拉面");
            await Expect(offer.Locator("[data-testid=special-care]")).ToContainTextAsync("特殊关照");
            await Expect(offer).ToContainTextAsync("公里");
            await Browser.ScreenshotAsync(rider, "rider-offer", offer.Locator("[data-testid=offer-countdown]"));

            await offer.Locator("[data-testid=accept-offer]").ClickAsync();
            var task = rider.Locator($"[data-testid=task][data-order-id='{orderId}']");
            await Expect(task).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(task.Locator("[data-testid=special-care]")).ToBeVisibleAsync();
            await Expect(title).ToHaveTextAsync("骑手已接单", new() { Timeout = 15_000 });
            await task.Locator("[data-testid=arrive]").ClickAsync();
            await Expect(task).ToHaveAttributeAsync("data-stage", "atMerchant");
            await Expect(title).ToHaveTextAsync("骑手已到店", new() { Timeout = 15_000 });
            await task.Locator("[data-testid=pickup]").ClickAsync();
            await Expect(task).ToHaveAttributeAsync("data-stage", "toCustomer");
            await Expect(task.Locator("[data-testid=navigate]")).ToContainTextAsync("送餐地址");

            // A reload keeps the rider online with the task where it was.
            await rider.ReloadAsync();
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-online", "true");
            await rider.Locator("[data-testid=tab-tasks]").ClickAsync();
            await Expect(task).ToHaveAttributeAsync("data-stage", "toCustomer");
            await Expect(title).ToHaveTextAsync("骑手已取餐·配送中", new() { Timeout = 15_000 });

            await using var opsContext = await Browser.DesktopAsync(Chromium, BaseAddress);
            var ops = await opsContext.NewPageAsync();
            await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
            await Expect(ops.Locator("[data-testid=ops]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await Expect(ops.Locator("[data-column=assigned] [data-testid=ops-order]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(ops.Locator("[data-testid=ops-riders]")).ToContainTextAsync("137****0001");
            await Expect(ops.Locator("[data-testid=ops-riders]")).ToContainTextAsync("电动车"); // vehicles by name, not code
            await Expect(ops.Locator("[data-testid=ops-map] svg").First).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(ops, "ops-board", ops.Locator("[data-testid=ops-merchants] [data-testid=merchant-state]"));

            await task.Locator("[data-testid=arrive-customer]").ClickAsync();
            await Expect(task).ToHaveAttributeAsync("data-stage", "atCustomer");
            await Expect(task.Locator("[data-testid=arrive-customer]")).ToHaveCountAsync(0);
            await Expect(title).ToHaveTextAsync("骑手已到达", new() { Timeout = 15_000 });

            await task.Locator("[data-testid=deliver]").ClickAsync();
            await Expect(task.Locator("[data-testid=confirm-deliver]")).ToContainTextAsync("不可撤销");
            await task.Locator("[data-testid=method-locker]").CheckAsync();
            await task.Locator("[data-testid=locker]").FillAsync("3号楼外卖柜 A12");
            await Browser.ScreenshotAsync(rider, "rider-task", task.Locator("[data-testid=confirm-delivered]"));
            await task.Locator("[data-testid=method-door]").CheckAsync();
            await task.Locator("[data-testid=confirm-delivered]").ClickAsync();

            // 今日收入 is the ledger's figure for the order, which Dispatch writes a moment after the delivery.
            long earnedFen = 0;
            await PaymentProbe.EventuallyAsync(
                async () => (earnedFen = System.Text.Json.Nodes.JsonNode.Parse(await app.Rider(riderNo).GetStringAsync("/api/rider/earnings"))!["todayFen"]!.GetValue<long>()) > 0,
                "the delivery reaches the rider's earnings");
            await Expect(rider.Locator("[data-testid=earnings-today]")).ToHaveTextAsync("¥" + Kaifan.Contracts.Fen.ToYuan(earnedFen), new() { Timeout = 15_000 });

            await Expect(title).ToHaveTextAsync("已送达", new() { Timeout = 15_000 });
            (await customer.EvaluateAsync<bool>("() => window.__stayed === true")).ShouldBeTrue("the order page updated without a reload");
            await Expect(ops.Locator($"[data-column=delivered] [data-order-id='{orderId}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    [Fact]
    public async Task a_rider_who_grants_location_goes_online_where_the_browser_is_and_offline_shows_the_banner()
    {
        const int riderNo = 2;
        await using var context = await Chromium.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = Browser.Phone,
            IsMobile = true,
            Locale = "zh-CN",
            Permissions = ["geolocation"],
            Geolocation = new() { Latitude = 31.0261f, Longitude = 121.4433f },
        });
        var rider = await context.NewPageAsync();
        try
        {
            await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
            await rider.Locator("[data-testid=go-online]").ClickAsync();
            await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(rider.Locator("[data-testid=manual-position]")).ToHaveCountAsync(0);
            await Expect(rider.Locator("[data-testid=tab-offers]")).ToBeVisibleAsync();

            await PaymentProbe.EventuallyAsync(
                async () =>
                {
                    var rows = await JsonNodeOf(await app.Client(TestTokens.Operator()).GetAsync("/api/ops/riders"));
                    var row = rows.AsArray().Single(r => r!["riderId"]!.GetValue<Guid>() == DemoCampus.RiderId(riderNo))!;
                    return row["online"]!.GetValue<bool>() && Math.Abs(row["latitude"]!.GetValue<double>() - 31.0261) < 1e-3;
                },
                "the operator sees the rider where the browser is");

            await rider.Locator("[data-testid=go-offline]").ClickAsync();
            await Expect(rider.Locator("[data-testid=offline-banner]")).ToBeVisibleAsync();
            await Expect(rider.Locator("[data-testid=tab-offers]")).ToHaveCountAsync(0);
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> JsonNodeOf(HttpResponseMessage response) =>
        System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
