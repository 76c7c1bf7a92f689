using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering.Coupons;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Web.Shopping;

namespace Kaifan.Tests.Web;

/// <summary>
/// A customer who signed up a minute ago has no address: checkout leads to the address form and back with the cart;
/// a wrong phone is named next to its field and nothing is saved; a 无电梯需爬楼 address at the phone's own position is
/// what the order is delivered to and is listed in 我的, beside the customer's coupons with their reason and state.
/// </summary>
[Collection(BrowserCollections.CustomerApp)]
public sealed class MyAddressesBrowserTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    private const string NewCustomerPhone = "13812345670";
    private const float HereLatitude = 31.0262f;
    private const float HereLongitude = 121.4431f;

    [Fact]
    public async Task a_new_customer_adds_a_stairs_address_from_checkout_orders_to_it_and_finds_it_and_a_coupon_in_me()
    {
        var (token, customerId) = await SignUpAsync(NewCustomerPhone);
        var api = app.Client(token);
        var compensation = await app.IssueCouponAsync(customerId, amountFen: 500, reason: GuaranteeCompensationHandler.Reason);
        await app.IssueCouponAsync(customerId, amountFen: 300, minSpendFen: 2000, used: true);

        await using var context = await Chromium.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = Browser.Phone,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            Permissions = ["geolocation"],
            Geolocation = new() { Latitude = HereLatitude, Longitude = HereLongitude },
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", NewCustomerPhone);
        await page.GotoAsync($"/m/shop/{DemoCampus.MerchantId(1)}");
        var add = Dish(page, "凉拌牛肉").Locator("[data-testid=add]");
        await add.ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("1");
        await add.ClickAsync();
        await Expect(page.Locator("[data-testid=cart-count]")).ToHaveTextAsync("2");
        await page.Locator("[data-testid=checkout]").ClickAsync();

        await Expect(page.Locator(".empty")).ToHaveTextAsync("请先添加收货地址");
        await page.Locator("[data-testid=checkout-add-address]").ClickAsync();
        await page.WaitForURLAsync("**/m/addresses/new*");

        // A landline-length number: the API's field error shows under the phone, and no address exists.
        await page.Locator("[data-testid=address-contact]").FillAsync("王小明");
        await page.Locator("[data-testid=address-phone]").FillAsync("021-1234");
        await page.Locator("[data-testid=address-detail]").FillAsync("东区5号楼302室");
        await page.Locator("[data-testid=address-tag][data-tag=家]").ClickAsync();
        await page.Locator("[data-testid=address-stairs]").CheckAsync();
        await page.Locator("[data-testid=save-address]").ClickAsync();
        await Expect(page.Locator("[data-testid=field-error][data-field=phone]")).ToHaveTextAsync("请输入正确的手机号");
        (await api.GetFromJsonAsync<JsonArray>("/api/me/addresses"))!.Count.ShouldBe(0, "an invalid address saves nothing");
        await Expect(page.Locator("[data-testid=address-detail]")).ToHaveValueAsync("东区5号楼302室");
        await Expect(page.Locator("[data-testid=address-stairs]")).ToBeCheckedAsync();

        // A new customer has not agreed to location yet: the button asks first, inline, and 同意 records it and locates.
        await page.Locator("[data-testid=use-location]").ClickAsync();
        await Expect(page.Locator("[data-testid=locate-consent]")).ToContainTextAsync("只用于填写这个收货地址");
        await Expect(page.Locator("[data-testid=address-position-source]")).ToHaveTextAsync("暂按配送区域中心定位");
        await page.Locator("[data-testid=locate-agree]").ClickAsync();
        await Expect(page.Locator("[data-testid=address-position-source]")).ToHaveTextAsync("已使用当前位置");
        var consents = (await api.GetFromJsonAsync<JsonObject>("/api/me/consents"))!["purposes"]!.AsArray();
        consents.Single(p => p!["purpose"]!.GetValue<string>() == "location")!["granted"]!.GetValue<bool>().ShouldBeTrue();
        await page.Locator("[data-testid=address-phone]").FillAsync("13912345678");
        await page.Locator("[data-testid=save-address]").ClickAsync();

        // Back at checkout with the cart, delivering to the new address.
        await page.WaitForURLAsync("**/m/checkout?*");
        var saved = (await api.GetFromJsonAsync<JsonArray>("/api/me/addresses"))!.ShouldHaveSingleItem()!;
        saved["stairsNoLift"]!.GetValue<bool>().ShouldBeTrue();
        saved["tag"]!.GetValue<string>().ShouldBe("家");
        saved["phone"]!.GetValue<string>().ShouldBe("13912345678");
        saved["latitude"]!.GetValue<double>().ShouldBe(HereLatitude, 0.0001);
        saved["longitude"]!.GetValue<double>().ShouldBe(HereLongitude, 0.0001);
        await Expect(page.Locator("[data-testid=address]")).ToContainTextAsync("东区5号楼302室");
        await Expect(page.Locator("[data-testid=address-stairs-flag]")).ToHaveTextAsync("无电梯需爬楼");
        await Expect(page.Locator(".checkout .line").First).ToContainTextAsync("凉拌牛肉×2");
        await page.Locator("[data-testid=place-order]").ClickAsync();
        await page.WaitForURLAsync("**/m/pay/*");
        var orderId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        var delivered = (await api.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!["address"]!;
        delivered["detail"]!.GetValue<string>().ShouldBe("东区5号楼302室");
        delivered["stairsNoLift"]!.GetValue<bool>().ShouldBeTrue("dispatch offers the order only to riders who take stairs");

        // 我的, from the home page's tab bar.
        await page.GotoAsync("/m");
        await page.Locator("[data-testid=tab-me]").ClickAsync();
        await page.WaitForURLAsync("**/m/me");
        var listed = page.Locator("[data-testid=my-address]");
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(listed).ToContainTextAsync("东区5号楼302室");
        await Expect(listed.Locator("[data-testid=stairs]")).ToHaveTextAsync("无电梯需爬楼");

        var coupon = page.Locator($"[data-testid=my-coupon][data-coupon-id='{compensation}']");
        await Expect(coupon.Locator("[data-testid=coupon-amount]")).ToHaveTextAsync("¥5");
        await Expect(coupon.Locator("[data-testid=coupon-reason]")).ToHaveTextAsync("准时宝超时赔付");
        var expires = Display.InShanghai(app.Clock.GetUtcNow().AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(coupon.Locator("[data-testid=coupon-terms]")).ToHaveTextAsync($"无门槛 · {expires}到期");
        await Expect(coupon.Locator("[data-testid=coupon-state]")).ToHaveTextAsync("未使用");
        var spent = page.Locator("[data-testid=my-coupon][data-status=used]");
        await Expect(spent.Locator("[data-testid=coupon-terms]")).ToContainTextAsync("满20元可用");
        await Expect(spent.Locator("[data-testid=coupon-state]")).ToHaveTextAsync("已使用");
    }

    [Fact]
    public async Task a_customer_edits_an_address_in_me_then_deletes_it_and_cannot_open_someone_elses()
    {
        const int customer = 5;
        var phone = DemoCampus.CustomerPhone(customer);
        var api = app.Client(await TokenAsync(phone));
        var theirs = (await app.Client(await TokenAsync(DemoCampus.CustomerPhone(1))).GetFromJsonAsync<JsonArray>("/api/me/addresses"))![0]!["id"]!.GetValue<Guid>();

        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", phone);
        await page.GotoAsync("/m/orders");
        await page.Locator("[data-testid=tab-me]").ClickAsync();
        var listed = page.Locator("[data-testid=my-address]");
        await Expect(listed).ToHaveCountAsync(1);
        await listed.ClickAsync();
        await page.WaitForURLAsync("**/m/addresses/*");
        await page.Locator("[data-testid=address-detail]").FillAsync("开饭大学图书馆东门");
        await page.Locator("[data-testid=address-stairs]").CheckAsync();
        await page.Locator("[data-testid=save-address]").ClickAsync();
        await page.WaitForURLAsync("**/m/me");
        await Expect(listed).ToContainTextAsync("开饭大学图书馆东门");
        await Expect(listed.Locator("[data-testid=stairs]")).ToHaveTextAsync("无电梯需爬楼");
        var edited = (await api.GetFromJsonAsync<JsonArray>("/api/me/addresses"))!.ShouldHaveSingleItem()!;
        edited["detail"]!.GetValue<string>().ShouldBe("开饭大学图书馆东门");

        await listed.ClickAsync();
        await page.Locator("[data-testid=delete-address]").ClickAsync();
        await page.WaitForURLAsync("**/m/me");
        await Expect(listed).ToHaveCountAsync(0);
        (await api.GetFromJsonAsync<JsonArray>("/api/me/addresses"))!.Count.ShouldBe(0);

        var response = await page.GotoAsync($"/m/addresses/{theirs}");
        response!.Status.ShouldBe(404);
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task in_english_me_shows_an_address_tag_in_english_not_the_stored_chinese_word()
    {
        await using var context = await Browser.PhoneAsync(Chromium, BaseAddress);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "/m/login", DemoCampus.CustomerPhone(3));
        var tag = page.Locator("[data-testid=my-address] [data-testid=address-tag-label]");

        await page.GotoAsync("/m/me?culture=en");
        await Expect(tag).ToHaveTextAsync("School"); // stored as 学校
        await page.GotoAsync("/m/me?culture=zh-Hans");
        await Expect(tag).ToHaveTextAsync("学校");
    }

    private async Task<(string Token, Guid UserId)> SignUpAsync(string phone)
    {
        var client = app.Client();
        (await client.PostAsJsonAsync("/api/auth/codes", new { phone })).EnsureSuccessStatusCode();
        var signedIn = await (await client.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) })).Content.ReadFromJsonAsync<JsonElement>();
        return (signedIn.GetProperty("token").GetString()!, signedIn.GetProperty("userId").GetGuid());
    }
}
