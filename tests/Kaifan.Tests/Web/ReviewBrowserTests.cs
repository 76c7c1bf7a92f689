using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// 评价 end to end: the delivered order's page offers 评价, the sheet takes stars, a tag and text; the shop's 评价 tab
/// then shows the review and the score moved from 4.7 (the seed, weighed as 20 reviews) to 4.6 by one 3-star review;
/// the shop replies once in its console and the reply shows under the review.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class ReviewBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_delivered_order_is_reviewed_the_shop_tab_shows_it_with_the_new_score_and_the_shop_replies()
    {
        const int customer = 2;
        var orderId = await app.DeliveredOrderAsync(customer, rider: 1);

        await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await customerContext.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}");
        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("已送达");
        await page.Locator("[data-testid=write-review]").ClickAsync();

        var sheet = page.Locator("[data-testid=review-sheet]");
        await Expect(sheet).ToBeVisibleAsync();
        await sheet.Locator("[data-testid=stars-overall] label[data-star='3']").ClickAsync();
        await sheet.Locator("[data-testid=stars-packaging] label[data-star='2']").ClickAsync();
        await sheet.Locator("label.chip:has([data-tag='味道赞'])").ClickAsync();
        await Expect(sheet.Locator("[data-testid=review-tag][data-tag='味道赞']")).ToBeCheckedAsync();
        await sheet.Locator("[data-testid=review-text-input]").FillAsync("面条筋道，汤有点少");
        await sheet.Locator("[data-testid=submit-review]").ClickAsync();

        var mine = page.Locator("[data-testid=my-review]");
        await Expect(mine).ToBeVisibleAsync();
        await Expect(mine.Locator("[data-testid=review-stars]")).ToHaveAttributeAsync("data-overall", "3");
        await Expect(mine.Locator("[data-testid=review-text]")).ToHaveTextAsync("面条筋道，汤有点少");
        await Expect(page.Locator("[data-testid=write-review]")).ToHaveCountAsync(0);

        // Catalog counts the review from the event; (4.7 × 20 + 3) / 21 = 4.62.
        await PaymentProbe.EventuallyAsync(
            async () => (await app.Client().GetFromJsonAsync<JsonNode>($"/api/merchants/{Shop}/menu"))!["merchant"]!["reviewCount"]!.GetValue<int>() == 1,
            "Catalog counted the review");
        await page.GotoAsync($"/m/shop/{Shop}");
        await Expect(page.Locator("[data-testid=shop-rating]")).ToHaveTextAsync("4.6");
        await page.Locator("[data-testid=tab-reviews]").ClickAsync();
        var tab = page.Locator("[data-testid=shop-reviews]");
        await Expect(tab.Locator("[data-testid=shop-score]")).ToHaveTextAsync("4.6");
        await Expect(tab.Locator("[data-testid=review-count]")).ToHaveTextAsync("共1条评价");
        await Expect(tab.Locator("[data-testid=tag-counts]")).ToContainTextAsync("味道赞 1");
        var shown = tab.Locator("[data-testid=review]");
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown.Locator("[data-testid=review-author]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\S\*\*$"));
        await Expect(shown.Locator("[data-testid=review-text]")).ToHaveTextAsync("面条筋道，汤有点少");

        await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);
        var merchant = await merchantContext.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        await merchant.GotoAsync("/merchant/reviews");
        await Expect(merchant.Locator("[data-testid=merchant-reviews]")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        var card = merchant.Locator("[data-testid=merchant-review]");
        await Expect(card).ToHaveCountAsync(1);
        await card.Locator("textarea").FillAsync("谢谢，下次多给汤");
        await card.Locator("[data-testid=reply]").ClickAsync();
        await Expect(card.Locator("[data-testid=merchant-reply]")).ToContainTextAsync("谢谢，下次多给汤");
        await Expect(card.Locator("[data-testid=reply]")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=review] [data-testid=review-reply]")).ToContainTextAsync("谢谢，下次多给汤");
    }
}
