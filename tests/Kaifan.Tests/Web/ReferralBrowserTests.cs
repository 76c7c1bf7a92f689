using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Growth.Referrals;
using Kaifan.Tests.Growth;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 邀请有礼 in the customer app: a friend opens the share link, signs in and claims the ¥5 新人红包 with one tap (a
/// second claim is refused, saying why); the inviter finds the friend, masked, under 我的 → 邀请有礼; the operator
/// reads the totals (friends found not new counted apart) and the top inviters, masked, on 营销活动.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class ReferralBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_friend_opening_the_share_link_signs_in_and_claims_the_welcome_coupon()
    {
        var code = await CodeOfAsync(app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer)));
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/m/invite/{code}");
        await page.WaitForURLAsync(url => url.Contains("/m/login", StringComparison.Ordinal));
        await page.Locator("[data-testid=phone]").FillAsync(phone);
        await page.Locator("[data-testid=send-code]").ClickAsync();
        await Expect(page.Locator("[data-testid=code-sent]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=code]").FillAsync(app.Sms.LastCodeFor(phone));
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await page.WaitForURLAsync($"**/m/invite/{code}");

        await Expect(page.Locator("[data-testid=invite-offer]")).ToHaveTextAsync("好友邀请你来开饭，送你¥5红包");
        await page.Locator("[data-testid=invite-accept]").ClickAsync();
        await Expect(page.Locator("[data-testid=invite-accepted]")).ToContainTextAsync("¥5 新人红包已放入卡包");
        await Browser.ScreenshotAsync(page, "customer-invite-landing", page.Locator("[data-testid=invite-accepted]"));

        await page.GotoAsync($"/m/invite/{code}");
        await page.Locator("[data-testid=invite-accept]").ClickAsync();
        await Expect(page.Locator("[data-testid=invite-error]")).ToContainTextAsync("你已接受过好友邀请");
        await Expect(page.Locator("[data-testid=invite-accepted]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task the_inviter_finds_the_friend_masked_under_me_invite_friends()
    {
        const int inviter = 2;
        var code = await CodeOfAsync(app.Client(TestTokens.Customer(inviter)));
        var friend = app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer));
        (await friend.PostAsJsonAsync("/api/growth/referrals/accept", new { code })).EnsureSuccessStatusCode();

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(inviter));
        await page.GotoAsync("/m/me");
        await page.Locator("[data-testid=invite-friends-entry]").ClickAsync();
        await page.WaitForURLAsync("**/m/me/invite");

        await Expect(page.Locator("[data-testid=invite-code]")).ToHaveTextAsync(code);
        await Expect(page.Locator("[data-testid=invite-link]")).ToHaveValueAsync(new Uri(BaseAddress, $"/m/invite/{code}").ToString());
        var friends = page.Locator("[data-testid=invited-friend]");
        await Expect(friends).ToHaveCountAsync(1);
        await Expect(friends.First).ToContainTextAsync("好友 1");
        await Expect(friends.First.Locator("[data-testid=invited-friend-status]")).ToHaveTextAsync("待下单");
        await Expect(page.Locator("[data-testid=invite-rewarded]")).ToHaveTextAsync("已奖励 0/20 位好友");
        await Browser.ScreenshotAsync(page, "customer-invite-friends", friends.First);
    }

    [Fact]
    public async Task the_operator_reads_acceptances_first_orders_and_rewards_on_the_growth_page()
    {
        var (inviterId, inviter) = app.NewCustomer();
        var code = await CodeOfAsync(inviter);
        var (_, ordered) = app.NewCustomer();
        (await ordered.PostAsJsonAsync("/api/growth/referrals/accept", new { code })).EnsureSuccessStatusCode();
        (await app.NewCustomer().Client.PostAsJsonAsync("/api/growth/referrals/accept", new { code })).EnsureSuccessStatusCode();
        await app.PublishAsync(await app.DeliveredAsync(await app.PaidOrderAsync(ordered)));
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(inviterId)).Count == 1, "the inviter's red packet is issued");

        // A friend whose earlier order is paid, dated before the acceptance: 不符合新人条件.
        var (notNewId, notNew) = app.NewCustomer();
        var early = await ReferralKit.PlacedOrderAsync(notNew);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        (await notNew.PostAsJsonAsync("/api/growth/referrals/accept", new { code })).EnsureSuccessStatusCode();
        await app.PublishAsync(new PaymentSucceeded(
            Guid.NewGuid(), Ordering.OrderingKit.IdOf(early), early["totalFen"]!.GetValue<long>(), "sandbox-early", app.Clock.GetUtcNow().AddSeconds(-1)));
        await app.EventuallyAsync(
            async () => (await ReferralKit.MyReferralsAsync(inviter))["friends"]!.AsArray().Any(f => f!["status"]!.GetValue<string>() == "void"), "the friend is found not new");
        await app.EventuallyAsync(async () => (await app.CouponsOfAsync(notNewId)).Single().WithdrawnAt is not null, "the 新人红包 is withdrawn");
        var totals = (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonNode>("/api/ops/growth/referrals"))!;

        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/ops/login", DemoCampus.OperatorPhone);
        await page.GotoAsync("/ops/growth");
        var panel = page.Locator("[data-testid=ops-referrals]");
        await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 15_000 });
        await Expect(panel.Locator("h2")).ToHaveTextAsync("邀请有礼");
        await Expect(panel.Locator("[data-testid=referral-accepted]")).ToHaveTextAsync(totals["accepted"]!.ToString());
        await Expect(panel.Locator("[data-testid=referral-first-orders]")).ToHaveTextAsync(totals["firstOrders"]!.ToString());
        await Expect(panel.Locator("[data-testid=referral-voided]")).ToHaveTextAsync(totals["voided"]!.ToString());
        await Expect(panel.Locator("[data-testid=referral-rewards-fen]")).ToHaveAttributeAsync("data-fen", totals["rewardsFen"]!.ToString());
        await Expect(panel.Locator("[data-testid=referral-welcome-fen]")).ToHaveAttributeAsync("data-fen", totals["welcomeCouponsFen"]!.ToString());
        var withdrawn = panel.Locator("[data-testid=referral-welcome-withdrawn]");
        await Expect(withdrawn).ToHaveAttributeAsync("data-fen", totals["welcomeWithdrawnFen"]!.ToString());
        await Expect(withdrawn).ToContainTextAsync($"已撤回 {totals["welcomeWithdrawn"]} 张");
        var row = panel.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=referral-inviter]:text-is('{ReferralSummary.Mask(inviterId)}')") });
        await Expect(row).ToContainTextAsync("¥8");
        await Expect(panel).Not.ToContainTextAsync(inviterId.ToString());
        await Browser.ScreenshotAsync(page, "ops-growth-referrals", panel);
    }

    private static async Task<string> CodeOfAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonNode>("/api/growth/referrals/me"))!["code"]!.GetValue<string>();
}
