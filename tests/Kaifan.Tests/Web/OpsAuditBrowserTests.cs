using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Tests.Web;

/// <summary>审计日志 in the ops console: the operator filters the log by action and day and 校验 says whether the chain is intact.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsAuditBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private static readonly Guid EastZone = DemoCampus.ZoneId(1);
    private static readonly Guid CanteenLocker = DemoCampus.Id("locker:1-1");

    [Fact]
    public async Task the_operator_filters_the_log_by_action_and_day_and_verify_tells_an_intact_chain_from_an_altered_one()
    {
        var ops = app.Client(TestTokens.Operator());
        (await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/lockers/{CanteenLocker}", new { name = "东区食堂外卖柜", latitude = 31.0250, longitude = 121.4420 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.Locator("[data-testid=nav-audit]").ClickAsync();
        var panel = page.Locator("[data-testid=ops-audit]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await Expect(panel.Locator("h2")).ToContainTextAsync("审计日志");
        var actions = panel.Locator("[data-testid=audit-action-cell]");
        await Expect(actions.Filter(new() { HasText = "修改外卖柜" })).ToHaveCountAsync(1);
        await Expect(actions.Filter(new() { HasText = "设置恶劣天气" })).ToHaveCountAsync(1);

        await panel.Locator("[data-testid=audit-action]").SelectOptionAsync("zone.weather.updated");
        await Expect(actions).ToHaveCountAsync(1);
        await Expect(actions).ToHaveTextAsync("设置恶劣天气");
        await Expect(panel.Locator("[data-testid=audit-outcome]")).ToHaveTextAsync("200");

        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime).AddDays(1);
        await panel.Locator("[data-testid=audit-from]").FillAsync(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(actions).ToHaveCountAsync(0);
        await panel.Locator("[data-testid=audit-from]").FillAsync("");
        await Expect(actions).ToHaveCountAsync(1);

        await panel.Locator("[data-testid=audit-verify]").ClickAsync();
        var verdict = panel.Locator("[data-testid=audit-verification]");
        await Expect(verdict).ToHaveAttributeAsync("data-intact", "true");
        await Expect(verdict).ToContainTextAsync("校验通过");

        await panel.Locator("[data-testid=audit-anchor-now]").ClickAsync();
        var receipt = panel.Locator("[data-testid=audit-anchor]");
        await Expect(receipt).ToContainTextAsync("请抄录或打印保存");
        var anchoredRow = await receipt.GetAttributeAsync("data-sequence");
        var anchoredHash = await panel.Locator("[data-testid=audit-anchor-hash]").InnerTextAsync();
        anchoredHash.Length.ShouldBe(64);
        await panel.Locator("[data-testid=audit-verify]").ClickAsync();
        await Expect(verdict).ToContainTextAsync($"已锚定至第 {anchoredRow} 条");
        await Browser.ScreenshotAsync(page, "ops-audit", verdict);

        await AuditTampering.AsDatabaseOwnerAsync(app, async db =>
        {
            var first = await db.AuditLog.MinAsync(e => e.Sequence);
            await db.AuditLog.Where(e => e.Sequence == first).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "zoneId=altered"));
            try
            {
                await panel.Locator("[data-testid=audit-verify]").ClickAsync();
                await Expect(verdict).ToHaveAttributeAsync("data-intact", "false");
                await Expect(verdict).ToContainTextAsync($"第 {first} 条记录起链条断开（记录内容被改动）");
            }
            finally
            {
                // The first entry is the locker edit above.
                await db.AuditLog.Where(e => e.Sequence == first).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, $"zoneId={EastZone}"));
            }
        });

        // A receipt that does not match what the log holds: the operator's own copy catches a rewrite.
        await panel.Locator("[data-testid=audit-receipt] summary").ClickAsync();
        await panel.Locator("[data-testid=audit-receipt-sequence]").FillAsync(anchoredRow!);
        await panel.Locator("[data-testid=audit-receipt-hash]").FillAsync(new string('0', 64));
        await panel.Locator("[data-testid=audit-verify]").ClickAsync();
        await Expect(verdict).ToContainTextAsync($"第 {anchoredRow} 条记录起链条断开（与锚点记下的哈希不符，记录被整体改写）");
        await panel.Locator("[data-testid=audit-receipt-hash]").FillAsync(anchoredHash);
        await panel.Locator("[data-testid=audit-verify]").ClickAsync();
        await Expect(verdict).ToHaveAttributeAsync("data-intact", "true");
    }
}
