using Kaifan.BuildingBlocks;
using Kaifan.Tests.Growth;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Web;

/// <summary>砍价免费拿 on the 营销活动 page: the operator picks a shop and dish, sets the floor and tiers, and sees the campaign listed with its counts.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class OpsBargainBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_puts_a_dish_up_for_bargaining_and_sees_bargains_and_helpers_counted()
    {
        var earlier = await BargainKit.CampaignAsync(app, helpersNeeded: 3);
        var bargain = await BargainKit.StartedAsync(BargainKit.Customer(app, Guid.NewGuid()), earlier);
        await BargainKit.CutAsync(BargainKit.Customer(app, Guid.NewGuid()), bargain);

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.GotoAsync("/ops/growth");
        var panel = page.Locator("[data-testid=ops-bargains]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await Expect(panel.Locator("[data-testid=bargain-stats]").First).ToContainTextAsync("发起1 · 帮砍1");

        await panel.Locator("[data-testid=bargain-merchant]").SelectOptionAsync(DemoCampus.MerchantId(1).ToString());
        await Expect(panel.Locator("[data-testid=bargain-dish-pick] option")).Not.ToHaveCountAsync(1);
        await panel.Locator("[data-testid=bargain-dish-pick]").SelectOptionAsync(OrderingKit.BraisedEgg.ToString());
        await panel.Locator("[data-testid=bargain-floor]").FillAsync("0");
        await panel.Locator("[data-testid=bargain-helpers-needed]").FillAsync("3");
        await panel.Locator("[data-testid=bargain-create]").ClickAsync();

        await Expect(panel.Locator("[data-testid=bargain-cell]").Filter(new() { HasText = "卤蛋" })).ToHaveCountAsync(1);
        await Expect(panel.Locator("[data-testid=bargain-problem]")).ToHaveCountAsync(0);
    }
}
