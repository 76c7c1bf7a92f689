using System.Net;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering;
using Kaifan.Ordering.Orders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Web;

/// <summary>我的 → 注销账号: refused with the reason while an order is under way, then erased, signed out, signed-in screens gone.</summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class AccountErasureBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task me_erase_account_shows_the_blocking_order_then_erases_and_signs_out()
    {
        const int customer = 5;
        var phone = DemoCampus.CustomerPhone(customer);
        var token = await TokenAsync(phone);
        var order = await OrderingKit.PlacedAsync(app.Client(token), OrderingKit.BeefRiceAndTea(customer));

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await page.GotoAsync("/m/me");
        await Expect(page.Locator("[data-testid=erase-account]")).ToContainTextAsync("注销账号");
        await page.Locator("[data-testid=erase-account]").ClickAsync();
        await Expect(page.Locator("[data-testid=erase-warning]")).ToContainTextAsync("无法恢复");

        await page.Locator("[data-testid=erase-confirm]").FillAsync("注销");
        await page.Locator("[data-testid=erase-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=erase-error]")).ToContainTextAsync(order["number"]!.GetValue<string>());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = OrderingKit.IdOf(order);
            await scope.ServiceProvider.GetRequiredService<OrderingDb>().Orders.Where(o => o.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Cancelled));
        }

        await page.Locator("[data-testid=erase-confirm]").FillAsync("注销");
        await page.Locator("[data-testid=erase-submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/m/login"));
        await Expect(page.Locator("[data-testid=erased-notice]")).ToContainTextAsync("账号已注销");
        (await app.Client(token).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await page.GotoAsync("/m/me");
        await page.WaitForURLAsync(url => url.Contains("/m/login"));
    }
}
