using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Insights;
using Kaifan.Insights.Experiments;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>
/// 猜你喜欢 on the home page, placed above or below the shop list by the customer's variant of the demo experiment, and
/// the A/B实验 page where the operator sees that customer's exposure and starts a new experiment.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class RecommendationsBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_home_page_shows_the_shelf_where_the_experiment_puts_it_and_says_it_is_not_personalised()
    {
        const int customer = 4;
        var expected = VariantAssignment.Of(DemoExperiments.HomeRecommendationsPosition, DemoCampus.CustomerId(customer), [("top", 50), ("bottom", 50)]);
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login?returnUrl=%2Fm%2Fme", DemoCampus.CustomerPhone(customer));
        var reportedBefore = await ImpressionsAsync(customer);
        await page.GotoAsync("/m");

        var shelf = page.Locator("[data-testid=recommendations]");
        await Expect(shelf.Locator("h2")).ToHaveTextAsync("猜你喜欢");
        await Expect(shelf).ToHaveAttributeAsync("data-position", expected);
        var open = (await app.Client().GetFromJsonAsync<JsonArray>($"/api/zones/{DemoCampus.ZoneId(1)}/merchants"))!.Count(m => m!["isOpenNow"]!.GetValue<bool>());
        await Expect(shelf.Locator("[data-testid=rec-card]")).ToHaveCountAsync(Math.Min(6, open));
        var shelfBeforeList = await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('[data-testid=recommendations]').compareDocumentPosition(document.querySelector('.nearby')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        shelfBeforeList.ShouldBe(expected == "top");
        await Expect(shelf.Locator("[data-testid=rec-consent]")).ToContainTextAsync("开启个性化推荐");
        await Expect(shelf.Locator("[data-testid=rec-consent] a")).ToHaveAttributeAsync("href", "/m/me/privacy");
        await shelf.Locator("[data-testid=rec-consent]").ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(page, "h5-home-recommendations", shelf.Locator("[data-testid=rec-card]"));

        (await ImpressionsAsync(customer)).ShouldBe(reportedBefore + Math.Min(6, open), "one page view reports the shops it showed once");

        var first = shelf.Locator("[data-testid=rec-card]").First;
        var name = (await first.Locator(".rec-name").TextContentAsync())!;
        await first.ClickAsync();
        await page.WaitForURLAsync("**/m/shop/**");
        await Expect(page.Locator("body")).ToContainTextAsync(name);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
            (await db.ShopImpressions.CountAsync(i => i.CustomerId == DemoCampus.CustomerId(customer) && i.ClickedAt != null)).ShouldBe(1);
        }

        await using var ops = await Browser.DesktopAsync(Chromium, BaseAddress);
        var opsPage = await ops.NewPageAsync();
        await SignInAsync(opsPage, "/ops/login", DemoCampus.OperatorPhone);
        await opsPage.Locator("[data-testid=nav-experiments]").ClickAsync();
        var panel = opsPage.Locator("[data-testid=ops-experiments]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        var demo = opsPage.Locator($"[data-testid=experiment][data-key='{DemoExperiments.HomeRecommendationsPosition}']");
        await Expect(demo.Locator("[data-testid=experiment-status]")).ToHaveTextAsync("进行中");
        var exposures = demo.Locator("[data-testid=variant-exposures]");
        await Expect(exposures).ToHaveTextAsync(expected == "top" ? ["1", "0"] : ["0", "1"]);

        await panel.Locator("[data-testid=experiment-key]").FillAsync("checkout.button-text");
        await panel.Locator("[data-testid=experiment-name-input]").FillAsync("结算按钮文案");
        await panel.Locator("[data-testid=experiment-target]").FillAsync("checkout.button");
        await panel.Locator("[data-testid=experiment-variant-name]").Nth(0).FillAsync("去结算");
        await panel.Locator("[data-testid=experiment-variant-name]").Nth(1).FillAsync("立即下单");
        await panel.Locator("[data-testid=experiment-create]").ClickAsync();
        var created = opsPage.Locator("[data-testid=experiment][data-key='checkout.button-text']");
        await Expect(created.Locator("[data-testid=experiment-status]")).ToHaveTextAsync("未开始");
        await Expect(created.Locator("[data-testid=variant-name]")).ToHaveTextAsync(["去结算", "立即下单"]);

        // A draft is still open to change: a third variant before it starts.
        await created.Locator("[data-testid=experiment-edit]").ClickAsync();
        var edit = created.Locator("[data-testid=experiment-edit-form]");
        await Expect(edit.Locator("[data-testid=experiment-key]")).ToHaveValueAsync("checkout.button-text");
        await edit.Locator("[data-testid=experiment-variant-name]").Nth(2).FillAsync("马上开饭");
        await edit.Locator("[data-testid=experiment-save]").ClickAsync();
        await Expect(created.Locator("[data-testid=variant-name]")).ToHaveTextAsync(["去结算", "立即下单", "马上开饭"]);
        await Expect(created.Locator("[data-testid=experiment-edit-form]")).ToHaveCountAsync(0);
        await created.Locator("[data-testid=experiment-start]").ClickAsync();
        await Expect(created.Locator("[data-testid=experiment-status]")).ToHaveTextAsync("进行中");
        await Expect(created.Locator("[data-testid=experiment-edit]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(opsPage, "ops-experiments", demo.Locator("[data-testid=variant-exposures]"));
    }

    private async Task<int> ImpressionsAsync(int customer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightsDb>().ShopImpressions.CountAsync(i => i.CustomerId == DemoCampus.CustomerId(customer));
    }
}
