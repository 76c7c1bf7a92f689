using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Growth;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Web;

/// <summary>
/// 砍价免费拿 on a phone: the starter finds it under 我的, starts a bargain and gets a link to share; a friend who opens
/// the link signs in, lands back on the bargain and taps 帮砍一刀; the starter then sees the friend (as two letters)
/// and the tier coupon the cut earned.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed partial class BargainBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task a_customer_starts_a_bargain_from_me_and_a_friend_opening_the_shared_link_cuts_the_price()
    {
        var campaign = await BargainKit.CampaignAsync(app, helpersNeeded: 3);

        await using var starterContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var starter = await starterContext.NewPageAsync();
        await SignInAsync(starter, "/m/login", DemoCampus.CustomerPhone(1));
        await starter.GotoAsync("/m/me");
        await starter.Locator("[data-testid=bargain-entry]").ClickAsync();
        await starter.WaitForURLAsync("**/m/bargains");
        await starter.Locator($"[data-testid=bargain-campaign][data-campaign-id='{campaign}'] [data-testid=bargain-start]").ClickAsync();
        await starter.WaitForURLAsync("**/m/bargain/*");
        await Expect(starter.Locator("[data-testid=bargain-price]")).ToHaveTextAsync("¥15");
        await Expect(starter.Locator("[data-testid=bargain-helpers] h2")).ToContainTextAsync("0/3");
        await Expect(starter.Locator("[data-testid=bargain-cut]")).ToHaveCountAsync(0);
        var link = new Uri(await starter.Locator("[data-testid=bargain-share-link]").InputValueAsync());
        link.AbsolutePath.ShouldBe(new Uri(starter.Url).AbsolutePath);

        await using var friendContext = await Browser.PhoneAsync(Chromium, BaseAddress);
        var friend = await friendContext.NewPageAsync();
        await SignInAsync(friend, "/m/login?returnUrl=" + Uri.EscapeDataString(link.AbsolutePath), DemoCampus.CustomerPhone(2));
        await friend.WaitForURLAsync("**" + link.AbsolutePath);
        await friend.Locator("[data-testid=bargain-cut]").ClickAsync();

        await Expect(friend.Locator("[data-testid=bargain-cut-result]")).ToContainTextAsync("你帮砍了¥");
        await Expect(friend.Locator("[data-testid=bargain-cut]")).ToHaveCountAsync(0);
        await Expect(friend.Locator("[data-testid=bargain-helpers] h2")).ToContainTextAsync("1/3");
        await Expect(friend.Locator("[data-testid=bargain-helper] .bargain-avatar")).ToHaveTextAsync(TwoLetters());
        await Expect(friend.Locator("[data-testid=bargain-rewards]")).ToHaveCountAsync(0);
        (await friend.ContentAsync()).ShouldNotContain(DemoCampus.CustomerPhone(2)[^4..], Case.Sensitive, "a helper is never shown by phone");

        await starter.ReloadAsync();
        await Expect(starter.Locator("[data-testid=bargain-helper]")).ToHaveCountAsync(1);
        await Expect(starter.Locator("[data-testid=bargain-price]")).Not.ToHaveTextAsync("¥15");
        await Expect(starter.Locator("[data-testid=bargain-reward][data-cut-percent='30']")).ToBeVisibleAsync();
        await Expect(starter.Locator("[data-testid=bargain-tier][data-reached=true]").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(starter, "h5-bargain", starter.Locator("[data-testid=bargain-reward]"));
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex TwoLetters();
}
