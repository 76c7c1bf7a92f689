using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 邀请有礼 in the customer app: a friend opens the share link, signs in and claims the ¥5 新人红包 with one tap (a
/// second claim is refused, saying why); the inviter finds the friend, masked, under 我的 → 邀请有礼.
/// </summary>
[Collection("browser")]
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

    private static async Task<string> CodeOfAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonNode>("/api/growth/referrals/me"))!["code"]!.GetValue<string>();
}
