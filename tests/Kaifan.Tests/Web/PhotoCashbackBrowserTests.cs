using Kaifan.BuildingBlocks;
using Kaifan.Tests.Growth;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Tests.Refunds;
using Microsoft.Playwright;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// 晒图返现 end to end: the customer's 评价 sheet takes a photo, the shop's 有图 filter (the photo wall) shows its
/// thumbnail, which opens the large copy; the review says 待审核; the shop approves it in its console's queue and the
/// customer's review then says 已返现 ¥3 (the noodle shop's demo campaign).
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class PhotoCashbackBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_photo_review_shows_on_the_photo_wall_and_the_shop_approves_its_cashback()
    {
        const int customer = 3;
        var orderId = IdOf(await app.DeliveredOrderAsync(customer));

        await using var customerContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await customerContext.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(customer));
        await page.GotoAsync($"/m/orders/{orderId}?review=1");
        var sheet = page.Locator("[data-testid=review-sheet]");
        await Expect(sheet).ToBeVisibleAsync();
        await sheet.Locator("[data-testid=review-text-input]").FillAsync("牛肉饭分量很足，米饭软硬刚好，下次还点");
        await sheet.Locator("[data-testid=review-photos]").SetInputFilesAsync(
            new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = PhotoKit.JpegWithGps(1600, 1200) });
        await sheet.Locator("[data-testid=submit-review]").ClickAsync();

        var mine = page.Locator("[data-testid=my-review]");
        await Expect(mine.Locator("[data-testid=review-thumb]")).ToHaveCountAsync(1);
        await CashbackShownAsync(page, orderId, "pending");
        await Expect(mine.Locator("[data-testid=review-cashback]")).ToContainTextAsync("待审核");

        await page.GotoAsync($"/m/shop/{Shop}?tab=reviews");
        await page.Locator("[data-testid=filter-photos]").ClickAsync();
        await Expect(page.Locator("[data-testid=filter-photos]")).ToHaveClassAsync("on");
        var wall = page.Locator("[data-testid=shop-reviews] [data-testid=review]");
        await Expect(wall).ToHaveCountAsync(1);
        // The public page says nothing of cashback.
        await Expect(wall.Locator("[data-testid=review-cashback]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "h5-photo-wall", wall.Locator("[data-testid=review-thumb]"));
        await wall.Locator("[data-testid=review-thumb]").ClickAsync();
        var large = wall.Locator("[data-testid=review-photo-large]");
        await Expect(large).ToBeVisibleAsync();
        (await large.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(1280, "the large copy, not the thumbnail");
        await page.Mouse.ClickAsync(10, 10);
        await Expect(large).ToBeHiddenAsync();

        await using var merchantContext = await Browser.DesktopAsync(Chromium, BaseAddress);
        var merchant = await merchantContext.NewPageAsync();
        await SignInAsync(merchant, "/merchant/login", DemoCampus.MerchantPhone(1));
        await merchant.GotoAsync("/merchant/photo-cashback");
        await ExpectLiveAsync(merchant, merchant.Locator("[data-testid=photo-cashback]"));
        var claim = merchant.Locator($"[data-testid=photo-claim][data-order='{orderId}']");
        await Expect(claim).ToHaveAttributeAsync("data-status", "pending");
        await Browser.ScreenshotAsync(merchant, "merchant-photo-cashback", claim);
        await claim.Locator("[data-testid=photo-claim-approve]").ClickAsync();
        await Expect(claim).ToHaveAttributeAsync("data-status", "approved");

        await CashbackShownAsync(page, orderId, "paid");
        await Expect(page.Locator("[data-testid=my-review] [data-testid=review-cashback]")).ToHaveTextAsync("已返现 ¥3");
    }

    /// <summary>The order page, opened again until the review shows the cashback in that state (Growth and Ordering talk by events).</summary>
    private static Task CashbackShownAsync(IPage page, Guid orderId, string status) =>
        PaymentProbe.EventuallyAsync(
            async () =>
            {
                await page.GotoAsync($"/m/orders/{orderId}");
                var shown = page.Locator("[data-testid=my-review] [data-testid=review-cashback]");
                return await shown.CountAsync() == 1 && await shown.GetAttributeAsync("data-status") == status;
            },
            $"the review shows the cashback {status}");
}
