using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Growth.Presales;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 预售接龙 through the real API: the noodle shop's 凉拌牛肉 (¥15, no options) at ¥12, fresh customers (王同学, so
/// the chain shows 王**) and payment through the sandbox gateway, so refunds are real too.
/// </summary>
internal sealed class PresaleKit(KaifanApp app)
{
    public const long PriceFen = 1200;

    private readonly GroupBuyKit shoppers = new(app);

    public HttpClient Staff => app.Staff();

    public Task<Shopper> NewShopperAsync() => shoppers.NewShopperAsync();

    public Task<Guid> PayAsync(Shopper shopper, JsonNode order) => shoppers.PayAsync(shopper, order);

    public Task<HashSet<Guid>> MerchantOrderIdsAsync() => shoppers.MerchantOrderIdsAsync();

    public static object Body(DateTimeOffset now, int stock = 20, int limit = 3, int minimum = 2, long priceFen = PriceFen, Guid? itemId = null) => new
    {
        itemId = itemId ?? GroupBuyKit.Dish, priceFen, stock, perCustomerLimit = limit, minimumQuantity = minimum,
        cutoffAt = now.AddHours(1), deliverAt = now.AddHours(3), slotMinutes = 30, note = "明天午餐",
    };

    public async Task<JsonNode> CreateAsync(int stock = 20, int limit = 3, int minimum = 2)
    {
        var response = await Staff.PostAsJsonAsync("/api/merchant/presales", Body(app.Clock.GetUtcNow(), stock, limit, minimum));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    public static Task<HttpResponseMessage> JoinAsync(Shopper shopper, Guid presaleId, int quantity) =>
        OrderingKit.PlaceAsync(shopper.Client, new
        {
            merchantId = OrderingKit.Shop, addressId = shopper.AddressId, lines = new[] { OrderingKit.Line(GroupBuyKit.Dish, quantity) }, presaleId,
        }, Guid.NewGuid().ToString());

    public async Task<JsonNode> JoinAndPayAsync(Shopper shopper, Guid presaleId, int quantity)
    {
        var order = await GroupBuyKit.PlacedAsync(JoinAsync(shopper, presaleId, quantity));
        await PayAsync(shopper, order);
        await GroupBuyKit.EventuallyStatusAsync(shopper, order, "AwaitingPresale");
        return order;
    }

    public static async Task<JsonNode> ChainAsync(Shopper shopper, Guid presaleId) =>
        (await shopper.Client.GetFromJsonAsync<JsonNode>($"/api/growth/presales/{presaleId}"))!;

    /// <summary>Growth counts a paid entry from the payment's event, a moment after Ordering moved the order.</summary>
    public static Task EventuallyJoinedAsync(Shopper shopper, Guid presaleId, int joined) =>
        Payments.PaymentProbe.EventuallyAsync(
            async () => (await ChainAsync(shopper, presaleId))["presale"]!["joined"]!.GetValue<int>() == joined, $"{joined} portions are paid for", seconds: 45);

    public static Task<HttpResponseMessage> LeaveAsync(Shopper shopper, Guid presaleId) =>
        shopper.Client.PostAsync($"/api/growth/presales/{presaleId}/leave", null);

    /// <summary>The cut-off and the release, as the scheduler would deliver them once our clock is past them.</summary>
    public Task CutoffAsync(Guid presaleId) => app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PresaleCutoffReached(presaleId));

    public Task ReleaseAsync(Guid presaleId) => app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PresaleReleaseDue(presaleId));

    public static Guid IdOf(JsonNode presale) => presale["id"]!.GetValue<Guid>();
}
