using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Web;

/// <summary>今日收入 is what the ledger recorded for the rider's delivered order, and 收入明细 shows the week's bars and that order's parts.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderEarningsBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_rider_sees_todays_real_earnings_and_the_earnings_sheet_with_the_orders_parts()
    {
        const int customer = 4, riderNo = 7;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, riderNo);
            await app.PickUpAsync(riderNo, orderId);
            (await app.StepAsync(riderNo, orderId, "deliver", new { method = "door" })).EnsureSuccessStatusCode();
        }
        finally
        {
            await app.OfflineAsync(riderNo);
        }

        JsonNode? entry = null;
        await PaymentProbe.EventuallyAsync(
            async () => (entry = JsonNode.Parse(await app.Rider(riderNo).GetStringAsync("/api/rider/earnings"))!["today"]!.AsArray().FirstOrDefault()) is not null,
            "the delivered order reaches the ledger");
        var total = "¥" + Fen.ToYuan(entry!["totalFen"]!.GetValue<long>());

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await context.NewPageAsync();
        await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
        await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await Expect(rider.Locator("[data-testid=earnings-today]")).ToHaveTextAsync(total);

        await rider.Locator("[data-testid=open-earnings]").ClickAsync();
        var sheet = rider.Locator("[data-testid=earnings-sheet]");
        await Expect(sheet.Locator("[data-testid=earnings-day]")).ToHaveCountAsync(7);
        await Expect(sheet.Locator("[data-testid=earnings-week]")).ToHaveTextAsync(total);
        var line = sheet.Locator("[data-testid=earnings-entry]");
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line).ToContainTextAsync("#" + entry["orderNumber"]!.GetValue<string>()[^4..]);
        await Expect(line).ToContainTextAsync("基础配送费");
        await Expect(line).ToContainTextAsync(total);
        await rider.Locator("[data-testid=earnings-close]").ClickAsync();
        await Expect(sheet).ToHaveCountAsync(0);
    }
}
