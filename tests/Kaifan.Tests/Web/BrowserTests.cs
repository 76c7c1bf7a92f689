using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>
/// Browser test classes take turns in two lines, one for the customer H5 and one for the consoles, beside every other
/// class: at most two chromiums with their hosts at once on a 2-core runner. A class joins the line of the app it
/// mostly drives.
/// </summary>
public static class BrowserCollections
{
    public const string CustomerApp = "browser: customer app";
    public const string Consoles = "browser: consoles";
}

/// <summary>A browser per test class against the whole host at Shanghai lunchtime, with sign-in and order helpers.</summary>
public abstract class BrowserTests(LunchtimeApp app) : IAsyncLifetime
{
    protected const string NoodleShop = "老马家兰州牛肉拉面";
    private IPlaywright? playwright;

    protected IBrowser Chromium { get; private set; } = default!;

    protected Uri BaseAddress => app.Client().BaseAddress!;

    public async Task InitializeAsync()
    {
        // Playwright's 5 s default was once too short for a sign-in on a loaded 2-core runner; assertions that must
        // hold sooner say so with their own timeout.
        Assertions.SetDefaultExpectTimeout(10_000);
        (playwright, var browser) = await Browser.LaunchAsync();
        Chromium = browser;
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        playwright?.Dispose();
    }

    protected static ILocator Dish(IPage page, string name) => page.Locator($"[data-testid=dish][data-name='{name}']");

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>
    /// Waits for a live console panel. Now and then (a few times in a thousand page loads, always under load) a
    /// panel's Blazor circuit never starts and the page stays as prerendered; the person at the console reloads, and
    /// so does this, once. The cause is not found yet (see the closing notes); a second miss fails the test. A panel
    /// that never goes live on every load is another matter: its prerendered state outgrew the circuit's first message
    /// (see PrerenderHandover).
    /// </summary>
    protected static async Task ExpectLiveAsync(IPage page, ILocator panel)
    {
        try
        {
            await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 20_000 });
        }
        catch (PlaywrightException)
        {
            await page.ReloadAsync();
            await Expect(panel).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });
        }
    }

    /// <summary>
    /// From the next page load on, records whether the rows matching <paramref name="rows"/>, once painted, ever all
    /// vanish again: a live panel that reads its data anew first shows the prerendered list emptied.
    /// </summary>
    protected static Task WatchRowsAsync(IPage page, string rows) => page.AddInitScriptAsync($$"""
        new MutationObserver(() => {
            if (document.querySelector({{JsonSerializer.Serialize(rows)}})) { window.rowsPainted = true; }
            else if (window.rowsPainted) { window.rowsLost = true; }
        }).observe(document, { subtree: true, childList: true, characterData: true });
        """);

    protected static async Task ExpectRowsKeptAsync(IPage page)
    {
        (await page.EvaluateAsync<bool>("window.rowsPainted === true")).ShouldBeTrue("the prerendered page shows the rows");
        (await page.EvaluateAsync<bool>("window.rowsLost === true")).ShouldBeFalse("the live panel emptied the prerendered rows");
    }

    protected async Task SignInAsync(IPage page, string loginPath, string phone)
    {
        await page.GotoAsync(loginPath);
        await page.Locator("[data-testid=phone]").FillAsync(phone);
        await page.Locator("[data-testid=send-code]").ClickAsync();
        await Expect(page.Locator("[data-testid=code-sent]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=code]").FillAsync(app.Sms.LastCodeFor(phone));
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    protected async Task<string> TokenAsync(string phone)
    {
        var client = app.Client();
        (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var signedIn = await (await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) })).Content.ReadFromJsonAsync<JsonElement>();
        return signedIn.GetProperty("token").GetString()!;
    }

    /// <summary>A paid order at the noodle shop through the API, as a past order to reorder or to peek at.</summary>
    protected async Task<Guid> PlacePaidOrderAsync(string token, bool specialCare = false)
    {
        var client = app.Client(token);
        var address = (await client.GetFromJsonAsync<JsonElement[]>("/api/me/addresses"))![0].GetProperty("id").GetGuid();
        var menu = await client.GetFromJsonAsync<JsonElement>($"/api/merchants/{DemoCampus.MerchantId(1)}/menu");
        var beef = menu.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
            .First(i => i.GetProperty("name").GetString() == "凉拌牛肉").GetProperty("id").GetGuid();
        var placed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { merchantId = DemoCampus.MerchantId(1), addressId = address, lines = new[] { new { itemId = beef, quantity = 2, optionIds = Array.Empty<Guid>() } }, specialCare }),
        });
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var payment = await (await client.PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" })).Content.ReadFromJsonAsync<JsonElement>();
        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString() == "AwaitingAcceptance",
            "the past order is paid");
        return orderId;
    }
}
