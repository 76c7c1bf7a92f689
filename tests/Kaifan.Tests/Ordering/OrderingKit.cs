using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Catalog.Demo;
using Kaifan.Contracts.Events;
using Kaifan.Ordering;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Payments;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// The seeded shop the Ordering tests buy from, carts built from its dishes, and the real merchant console
/// to change what the shop sells. The only stand-in is the payment gateway: <see cref="PayAsync"/> delivers
/// the event a gateway's callback would.
/// </summary>
internal static class OrderingKit
{
    /// <summary>老马家兰州牛肉拉面: 东区, 09:00–22:00, packaging ¥1, 起送 ¥15, 200 m or so from every demo customer's dorm.</summary>
    public const int NoodleShop = 1;

    /// <summary>深夜食堂·烧烤 opens 17:00–02:00, so it is closed at the fixture's lunchtime.</summary>
    public const int NightShop = 8;

    public static readonly Guid Shop = DemoCampus.MerchantId(NoodleShop);

    public const long PackagingFeeFen = 100;
    public const long MinimumOrderFen = 1500;

    /// <summary>东区's base fee, all a dorm within its free kilometre pays.</summary>
    public const long DeliveryFeeFen = 300;

    /// <summary>兰州牛肉拉面 ¥16 / 620 kcal; groups 面型, 辣度, 规格, 加料 (all but 加料 required).</summary>
    public static readonly Guid LanzhouNoodles = Dish(0);

    /// <summary>牛肉盖浇饭 ¥19 / 760 kcal; 辣度 required.</summary>
    public static readonly Guid BeefRice = Dish(3);

    /// <summary>凉拌牛肉 ¥15 / 260 kcal, no options: exactly the minimum order.</summary>
    public static readonly Guid ColdBeef = Dish(5);

    /// <summary>卤蛋 ¥2 / 75 kcal, no options.</summary>
    public static readonly Guid BraisedEgg = Dish(7);

    /// <summary>冰峰橙味汽水 ¥5 / 180 kcal, no options.</summary>
    public static readonly Guid Soda = Dish(8);

    /// <summary>八宝盖碗茶 ¥8 / 90 kcal, no options.</summary>
    public static readonly Guid Tea = Dish(9);

    public static readonly Guid BeefRiceMild = Choice(BeefRice, group: 0, option: 1);
    public static readonly Guid BeefRiceNotSpicy = Choice(BeefRice, group: 0, option: 0);

    public static Guid Dish(int index, int merchant = NoodleShop) => DemoMenu.ItemId(merchant, index);

    public static Guid Choice(Guid item, int group, int option) => DemoMenu.OptionId(DemoMenu.GroupId(item, group), option);

    public static object Line(Guid item, int quantity, params Guid[] options) => new { itemId = item, quantity, optionIds = options };

    public static object Cart(int customer, params object[] lines) => CartAt(Shop, customer, lines);

    public static object CartAt(Guid merchant, int customer, params object[] lines) =>
        new { merchantId = merchant, addressId = DemoCampus.Id($"address:{customer}"), lines };

    /// <summary>¥19 + ¥8, plus packaging and delivery: ¥31.</summary>
    public static object BeefRiceAndTea(int customer) => Cart(customer, Line(BeefRice, 1, BeefRiceMild), Line(Tea, 1));

    public static async Task<HttpResponseMessage> PlaceAsync(HttpClient client, object body, string? key = null, string path = "/api/orders")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<JsonNode> PlacedAsync(HttpClient client, object body)
    {
        var response = await PlaceAsync(client, body, Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    public static Guid IdOf(JsonNode order) => order["id"]!.GetValue<Guid>();

    public static async Task<int> OrderCountAsync(this KaifanApp app, int customer) =>
        (await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync("/api/orders"))).AsArray().Count;

    public static async Task<string> StatusAsync(this KaifanApp app, Guid orderId, int customer) =>
        (await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}")))["status"]!.GetValue<string>();

    public static async Task PayAsync(this KaifanApp app, JsonNode order) =>
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(
            new PaymentSucceeded(Guid.NewGuid(), IdOf(order), order["totalFen"]!.GetValue<long>(), "sandbox-1", app.Clock.GetUtcNow()));

    /// <summary>A coupon put straight into the customer's wallet, as compensation or a campaign would issue it.</summary>
    public static Task<Guid> IssueCouponAsync(
        this KaifanApp app, int customer, long amountFen, long minSpendFen = 0, TimeSpan? expiresIn = null, bool used = false) =>
        app.IssueCouponAsync(DemoCampus.CustomerId(customer), amountFen, minSpendFen, expiresIn, used);

    /// <summary>The same for any customer, such as one who signed up during the test, with the reason a campaign gives.</summary>
    public static async Task<Guid> IssueCouponAsync(
        this KaifanApp app, Guid customerId, long amountFen, long minSpendFen = 0, TimeSpan? expiresIn = null, bool used = false,
        string reason = "测试券 (test)")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        var now = app.Clock.GetUtcNow();
        var coupon = new Coupon
        {
            Id = Guid.CreateVersion7(),
            CustomerId = customerId,
            AmountFen = amountFen,
            MinSpendFen = minSpendFen,
            Reason = reason,
            IssuedAt = now,
            ExpiresAt = now + (expiresIn ?? TimeSpan.FromDays(7)),
        };
        if (used)
        {
            coupon.Spend(Guid.NewGuid(), now);
        }

        db.Coupons.Add(coupon);
        await db.SaveChangesAsync();
        return coupon.Id;
    }

    /// <summary>Coupons every way of spending one must refuse: another customer's, expired, used, and ¥6 off from ¥30.</summary>
    internal sealed record RefusedCoupons(Guid Foreign, Guid Expired, Guid Used, Guid TooSmall)
    {
        /// <summary>Each with the status it earns on a cart under ¥30; an unknown id first.</summary>
        public (Guid Coupon, HttpStatusCode Status)[] Cases =>
        [
            (Guid.NewGuid(), HttpStatusCode.NotFound),
            (Foreign, HttpStatusCode.NotFound),
            (Expired, HttpStatusCode.Conflict),
            (Used, HttpStatusCode.Conflict),
            (TooSmall, HttpStatusCode.UnprocessableEntity),
        ];

        /// <summary>Nothing a refusal touched changed: the foreign and too-small coupons are still unused.</summary>
        public async Task ShouldBeUnchangedAsync(KaifanApp app, int customer)
        {
            (await app.CouponStatusAsync(1, Foreign)).ShouldBe("unused");
            (await app.CouponStatusAsync(customer, TooSmall)).ShouldBe("unused");
            (await app.CouponStatusAsync(customer, Expired)).ShouldBe("expired");
            (await app.CouponStatusAsync(customer, Used)).ShouldBe("used");
        }
    }

    internal static async Task<RefusedCoupons> IssueRefusedCouponsAsync(this KaifanApp app, int customer) => new(
        await app.IssueCouponAsync(1, amountFen: 300),
        await app.IssueCouponAsync(customer, amountFen: 300, expiresIn: TimeSpan.FromSeconds(-1)),
        await app.IssueCouponAsync(customer, amountFen: 300, used: true),
        await app.IssueCouponAsync(customer, amountFen: 600, minSpendFen: 3000));

    public static async Task<JsonArray> CouponsAsync(this KaifanApp app, int customer) =>
        (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonArray>("/api/me/coupons"))!;

    public static async Task<JsonNode> CouponAsync(this KaifanApp app, int customer, Guid coupon) =>
        (await app.CouponsAsync(customer)).Single(c => c!["id"]!.GetValue<Guid>() == coupon)!;

    public static async Task<string> CouponStatusAsync(this KaifanApp app, int customer, Guid coupon) =>
        (await app.CouponAsync(customer, coupon))["status"]!.GetValue<string>();

    /// <summary>The unpaid order's 15-minute deadline firing, as the scheduler would deliver it (at least once).</summary>
    public static async Task DeadlineAsync(this KaifanApp app, Guid orderId) =>
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PaymentDeadlineReached(orderId));

    public static HttpClient Staff(this KaifanApp app, int merchant = NoodleShop) => app.Client(TestTokens.MerchantStaff(merchant));

    /// <summary>A dish as the merchant console shows it, unlisted ones included.</summary>
    public static async Task<JsonNode> ManagedItemAsync(this KaifanApp app, Guid itemId, int merchant = NoodleShop)
    {
        var menu = await JsonOf(await app.Staff(merchant).GetAsync($"/api/merchants/{DemoCampus.MerchantId(merchant)}/manage/menu"));
        return menu["categories"]!.AsArray().SelectMany(c => c!["items"]!.AsArray()).Single(i => i!["id"]!.GetValue<Guid>() == itemId)!;
    }

    public static async Task<int?> StockAsync(this KaifanApp app, Guid itemId, int merchant = NoodleShop) =>
        (await app.ManagedItemAsync(itemId, merchant))["stock"]?.GetValue<int>();

    public static Task SetStockAsync(this KaifanApp app, Guid itemId, int? stock, int merchant = NoodleShop) =>
        ConsoleAsync(app, merchant, $"items/{itemId}/stock", new { stock });

    public static Task SetListedAsync(this KaifanApp app, Guid itemId, bool listed, int merchant = NoodleShop) =>
        ConsoleAsync(app, merchant, $"items/{itemId}/listing", new { listed });

    public static Task SetPausedAsync(this KaifanApp app, int merchant, bool paused) => ConsoleAsync(app, merchant, "status", new { paused });

    /// <summary>Edits only the price, sending the rest of the dish's card back as it is.</summary>
    public static async Task SetPriceAsync(this KaifanApp app, Guid itemId, long priceFen, int merchant = NoodleShop)
    {
        var item = await app.ManagedItemAsync(itemId, merchant);
        await ConsoleAsync(app, merchant, $"items/{itemId}", new
        {
            categoryId = item["categoryId"]!.GetValue<Guid>(),
            name = item["name"]!.GetValue<string>(),
            description = item["description"]!.GetValue<string>(),
            priceFen,
            calories = item["calories"]!.GetValue<int>(),
            optionGroups = item["optionGroups"],
        });
    }

    private static async Task ConsoleAsync(KaifanApp app, int merchant, string path, object body)
    {
        var response = await app.Staff(merchant).PutAsJsonAsync($"/api/merchants/{DemoCampus.MerchantId(merchant)}/{path}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
