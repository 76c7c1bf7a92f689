using System.Net.Http.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// 拼团 on the phone: one customer starts a group from the shop page and pays, the order waits as 待成团 with the
/// group's countdown; a friend opens the share link, taps 去参团 and pays, and both orders are then on their way.
/// Another, still waiting, taps 退出拼团 on the order page and gets their money back.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class GroupBuyBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_opens_a_group_from_the_shop_and_a_friend_joins_it_through_the_share_link()
    {
        var now = app.Clock.GetUtcNow();
        (await app.Staff().PostAsJsonAsync("/api/merchant/group-deals", new
        {
            itemId = OrderingKit.ColdBeef, groupPriceFen = 990, groupSize = 2, windowMinutes = 30, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        })).EnsureSuccessStatusCode();

        await using var leaderContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var leader = await leaderContext.NewPageAsync();
        await SignInAsync(leader, "/m/login", DemoCampus.CustomerPhone(4));
        await leader.GotoAsync($"/m/shop/{OrderingKit.Shop}");
        var deal = leader.Locator("[data-testid=group-deal][data-name='凉拌牛肉']");
        await Expect(deal).ToContainTextAsync("¥9.9");
        await Expect(deal).ToContainTextAsync("2人团");
        await deal.Locator("[data-testid=open-group]").ClickAsync();
        await Expect(leader.Locator("[data-testid=to-pay]")).ToHaveTextAsync("¥13.9");
        await leader.Locator("[data-testid=place-group-order]").ClickAsync();
        await leader.WaitForURLAsync("**/m/pay/*");
        await leader.Locator("[data-testid=pay-wechat]").ClickAsync();
        await leader.WaitForURLAsync("**/m/orders/*");
        await ReloadUntilAsync(leader, "[data-testid=order-title]", "待成团");
        // The order is 待成团 the moment it is paid; the group counts the seat when its event arrives a moment later.
        await ReloadUntilAsync(leader, "[data-testid=group-order] b", "差1人成团");
        var waiting = leader.Locator("[data-testid=group-order]");
        await Expect(waiting.Locator("[data-testid=countdown]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(leader, "customer-group-waiting", waiting);
        var groupPath = await waiting.Locator("[data-testid=invite]").GetAttributeAsync("href");

        await using var friendContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var friend = await friendContext.NewPageAsync();
        await SignInAsync(friend, "/m/login", DemoCampus.CustomerPhone(5));
        await friend.GotoAsync(groupPath!);
        await Expect(friend.Locator("[data-testid=group-state]")).ToHaveTextAsync("差1人成团");
        await Expect(friend.Locator("[data-testid=group-seat]")).ToHaveCountAsync(1);
        (await friend.Locator("[data-testid=group-share-link]").InputValueAsync()).ShouldEndWith(groupPath!);
        await Browser.ScreenshotAsync(friend, "customer-group-page", friend.Locator("[data-testid=group-page]"));
        await friend.Locator("[data-testid=join-group]").ClickAsync();
        await friend.Locator("[data-testid=place-group-order]").ClickAsync();
        await friend.WaitForURLAsync("**/m/pay/*");
        await friend.Locator("[data-testid=pay-wechat]").ClickAsync();
        await friend.WaitForURLAsync("**/m/orders/*");

        await ReloadUntilAsync(friend, "[data-testid=order-title]", "等待商家接单");
        await ReloadUntilAsync(leader, "[data-testid=order-title]", "等待商家接单");
        await friend.GotoAsync(groupPath!);
        await Expect(friend.Locator("[data-testid=group-state]")).ToHaveTextAsync("拼团成功");
    }

    [Fact]
    public async Task the_operator_sees_every_deal_with_its_groups_on_the_growth_page_and_stops_one()
    {
        var now = app.Clock.GetUtcNow();
        (await app.Staff().PostAsJsonAsync("/api/merchant/group-deals", new
        {
            itemId = OrderingKit.Tea, groupPriceFen = 600, groupSize = 3, windowMinutes = 20, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        })).EnsureSuccessStatusCode();

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.GotoAsync("/ops/growth");
        var panel = page.Locator("[data-testid=ops-group-deals]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        var row = panel.Locator("tr", new() { HasText = "八宝盖碗茶" });
        await Expect(row).ToContainTextAsync("¥6");
        await Expect(row).ToContainTextAsync("3人团");
        await Expect(row.Locator("[data-testid=group-deal-counts]")).ToHaveTextAsync("进行中0 · 已成团0 · 失败0 · 已解散0");
        await Browser.ScreenshotAsync(page, "ops-group-deals", panel);

        await row.Locator("button", new() { HasText = "停止" }).ClickAsync();
        await Expect(row).ToContainTextAsync("已停止");
        var deals = (await app.Client(TestTokens.Operator()).GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/ops/growth/group-deals"))!;
        deals.Single(d => d!["itemId"]!.GetValue<Guid>() == OrderingKit.Tea)!["status"]!.GetValue<string>().ShouldBe("stopped");
    }

    [Fact]
    public async Task a_customer_waiting_for_their_group_leaves_it_from_the_order_page_and_is_refunded()
    {
        var now = app.Clock.GetUtcNow();
        (await app.Staff().PostAsJsonAsync("/api/merchant/group-deals", new
        {
            itemId = OrderingKit.BraisedEgg, groupPriceFen = 150, groupSize = 3, windowMinutes = 30, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        })).EnsureSuccessStatusCode();
        var dealId = (await app.Staff().GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/merchant/group-deals"))!
            .Single(d => d!["itemId"]!.GetValue<Guid>() == OrderingKit.BraisedEgg)!["id"]!.GetValue<Guid>();
        var client = app.Client(TestTokens.Customer(3));
        var addressId = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/addresses"))![0]!["id"]!.GetValue<Guid>();
        var placed = await OrderingKit.PlaceAsync(client, new
        {
            merchantId = OrderingKit.Shop, addressId, lines = new[] { OrderingKit.Line(OrderingKit.BraisedEgg, 1) }, groupDealId = dealId,
        }, Guid.NewGuid().ToString());
        var order = await OrderingKit.JsonOf(placed);
        await new Growth.GroupBuyKit(app).PayAsync(new Growth.Shopper(client, addressId, DemoCampus.CustomerId(3)), order);

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(3));
        await page.GotoAsync($"/m/orders/{OrderingKit.IdOf(order)}");
        await ReloadUntilAsync(page, "[data-testid=group-order] b", "差2人成团");
        await page.Locator("[data-testid=leave-group]").ClickAsync();
        var confirm = page.Locator("[data-testid=leave-confirm]");
        await Expect(confirm).ToContainTextAsync("全额原路退回");
        await Browser.ScreenshotAsync(page, "customer-group-leave", confirm);
        await confirm.Locator("[data-testid=confirm-leave]").ClickAsync();
        // The form posts by fetch: a reload before its answer lands would cut it off.
        await Expect(confirm).ToHaveCountAsync(0);

        await ReloadUntilAsync(page, "[data-testid=group-left]", "已退出拼团，已退款");
        await Expect(page.Locator("[data-testid=order-title]")).ToHaveTextAsync("已取消");
        await Expect(page.Locator("[data-testid=timeline] [data-step=refunded]")).ToHaveClassAsync("reached");
        await Expect(page.Locator("[data-testid=leave-group]")).ToHaveCountAsync(0);

        // Nobody else had joined: the group is disbanded, which is not a failed group.
        await page.GotoAsync($"/m/group/{order["groupBuyId"]!.GetValue<Guid>()}");
        await Expect(page.Locator("[data-testid=group-state]")).ToHaveTextAsync("拼团已解散");
        await Expect(page.Locator("[data-testid=group-page]")).ToHaveAttributeAsync("data-status", "disbanded");
        await Expect(page.Locator("[data-testid=join-group]")).ToHaveCountAsync(0);
    }

    /// <summary>The money arrives through the sandbox's callback, a moment after the tap: the page is reloaded until it shows.</summary>
    /// <summary>The customer's pages are not live here: pull to refresh until the server's answer shows.</summary>
    private static async Task ReloadUntilAsync(IPage page, string selector, string text)
    {
        for (var i = 0; i < 50 && (await page.Locator(selector).First.TextContentAsync())?.Trim() != text; i++)
        {
            await Task.Delay(300);
            await page.ReloadAsync();
        }

        await Expect(page.Locator(selector).First).ToHaveTextAsync(text);
    }
}
