using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 社群 through the real API: communities of the station (operator) or of the noodle shop (its staff), 社群价 on its
/// 八宝盖碗茶 (¥8, no options) and 社群券 claimed by members.
/// </summary>
internal sealed class CommunityKit(KaifanApp app)
{
    public const long TeaListFen = 800;
    public const long TeaMemberFen = 500;

    public static readonly Guid Tea = OrderingKit.Tea;

    public HttpClient Ops => app.Client(TestTokens.Operator());

    public async Task<JsonNode> CreateAsync(HttpClient runner, string route, string name, Guid? zoneId = null)
    {
        var response = await runner.PostAsJsonAsync(route, new { name, description = "测试社群", zoneId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    public async Task<Guid> AddTeaPriceAsync(HttpClient runner, string route, Guid communityId, int limitPerOrder)
    {
        var now = app.Clock.GetUtcNow();
        var response = await runner.PostAsJsonAsync($"{route}/{communityId}/prices", new
        {
            merchantId = OrderingKit.Shop, itemId = Tea, memberPriceFen = TeaMemberFen, limitPerOrder, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    public async Task<Guid> AddCouponPackAsync(Guid communityId, int budget, long amountFen = 300)
    {
        var now = app.Clock.GetUtcNow();
        var response = await Ops.PostAsJsonAsync($"/api/ops/growth/communities/{communityId}/coupon-packs", new
        {
            amountFen, minSpendFen = 0, budget, couponDays = 7, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    public static async Task<HttpResponseMessage> JoinAsync(HttpClient customer, string code) =>
        await customer.PostAsJsonAsync("/api/growth/communities/join", new { code });

    public static Task<HttpResponseMessage> ClaimAsync(HttpClient customer, Guid packId) =>
        customer.PostAsync($"/api/growth/community-coupons/{packId}/claim", null);

    public static object TeaCart(Shopper shopper, int quantity) => new
    {
        merchantId = OrderingKit.Shop, addressId = shopper.AddressId,

        // A client may send any price it likes; the server never reads it.
        lines = new[] { new { itemId = Tea, quantity, optionIds = Array.Empty<Guid>(), unitPriceFen = TeaMemberFen } },
    };

    public static async Task<JsonNode> QuoteAsync(Shopper shopper, int quantity)
    {
        var response = await shopper.Client.PostAsJsonAsync("/api/carts/quote", TeaCart(shopper, quantity));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    public async Task<JsonNode> OpsCommunityAsync(Guid id) =>
        (await Ops.GetFromJsonAsync<JsonArray>("/api/ops/growth/communities"))!.Single(c => c!["id"]!.GetValue<Guid>() == id)!;
}
