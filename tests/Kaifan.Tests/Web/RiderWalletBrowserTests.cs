using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Earnings;
using Kaifan.Payments.Sandbox;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>
/// The 收入 sheet's wallet: 可提现 from yesterday, 待结算 from today; an amount the sandbox refuses comes back as
/// 失败(已退回), then 全部提现 arrives as 已到账 and leaves nothing to withdraw.
/// </summary>
[Collection(BrowserCollections.Consoles)]
public sealed class RiderWalletBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_rider_withdraws_from_the_earnings_sheet_and_watches_a_failed_and_a_paid_withdrawal()
    {
        const int riderNo = 8;
        var failing = app.Services.GetRequiredService<SandboxKeys>().FailingTransferFen;
        await EarnAsync(riderNo, 1_000 + failing, app.Clock.GetUtcNow().AddDays(-1));
        await EarnAsync(riderNo, 350, app.Clock.GetUtcNow());

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var rider = await context.NewPageAsync();
        await SignInAsync(rider, "/rider/login", DemoCampus.RiderPhone(riderNo));
        await Expect(rider.Locator("[data-testid=rider-app]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await rider.Locator("[data-testid=open-earnings]").ClickAsync();
        var sheet = rider.Locator("[data-testid=earnings-sheet]");
        await Expect(sheet.Locator("[data-testid=wallet-available]")).ToHaveTextAsync(Yuan(1_000 + failing));
        await Expect(sheet.Locator("[data-testid=wallet-pending]")).ToHaveTextAsync("¥3.5");

        // Too much first: the sheet says why and nothing is listed.
        await sheet.Locator("[data-testid=withdraw-open]").ClickAsync();
        var amount = rider.Locator("[data-testid=withdraw-amount]");
        await amount.FillAsync("999");
        await rider.Locator("[data-testid=withdraw-confirm]").ClickAsync();
        await Expect(rider.Locator("[data-testid=withdraw-error]")).ToContainTextAsync("超出可提现余额");
        await Expect(sheet.Locator("[data-testid=withdrawal]")).ToHaveCountAsync(0);

        await amount.FillAsync(Fen.ToYuan(failing));
        await rider.Locator("[data-testid=withdraw-confirm]").ClickAsync();
        await Expect(rider.Locator("[data-testid=withdraw-sheet]")).ToHaveCountAsync(0);
        var listed = sheet.Locator("[data-testid=withdrawal]");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed.Locator("[data-testid=withdrawal-state]")).ToHaveTextAsync("失败(已退回)", new() { Timeout = 30_000 });
        await Expect(sheet.Locator("[data-testid=wallet-available]")).ToHaveTextAsync(Yuan(1_000 + failing));

        await sheet.Locator("[data-testid=withdraw-open]").ClickAsync();
        await rider.Locator("[data-testid=withdraw-all]").ClickAsync();
        await Expect(amount).ToHaveValueAsync(Fen.ToYuan(1_000 + failing));
        await rider.Locator("[data-testid=withdraw-confirm]").ClickAsync();
        await Expect(listed).ToHaveCountAsync(2);
        await Expect(listed.Locator("[data-testid=withdrawal-state]").Filter(new() { HasText = "已到账" }))
            .ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(sheet.Locator("[data-testid=wallet-available]")).ToHaveTextAsync("¥0");
        await Expect(sheet.Locator("[data-testid=withdraw-open]")).ToBeDisabledAsync();
    }

    private async Task EarnAsync(int rider, long fen, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        db.RiderEarnings.Add(new RiderEarning
        {
            OrderId = Guid.NewGuid(), RiderId = DemoCampus.RiderId(rider), OrderNumber = "T", ZoneId = DeliveryKit.EastZone, DeliveredAt = at,
            BaseFen = fen, TotalFen = fen,
        });
        await db.SaveChangesAsync();
    }

    private static string Yuan(long fen) => "¥" + Fen.ToYuan(fen);
}
