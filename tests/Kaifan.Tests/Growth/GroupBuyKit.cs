using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Growth.GroupBuys;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 拼团 through the real API: the noodle shop's 凉拌牛肉 (¥15, no options) as the deal's dish, fresh customers with an
/// address of their own next to demo customer 1's, and payment through the sandbox gateway so refunds are real too.
/// </summary>
internal sealed class GroupBuyKit(KaifanApp app)
{
    public const long ListPriceFen = 1500;
    public const long GroupPriceFen = 1190;

    public static readonly Guid Dish = OrderingKit.ColdBeef;

    public HttpClient Staff => app.Staff();

    public async Task<Guid> CreateDealAsync(int groupSize, int windowMinutes = 15)
    {
        var now = app.Clock.GetUtcNow();
        var response = await Staff.PostAsJsonAsync("/api/merchant/group-deals", new
        {
            itemId = Dish, groupPriceFen = GroupPriceFen, groupSize, windowMinutes, startsAt = now.AddMinutes(-1), endsAt = now.AddDays(1),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    /// <summary>A customer nobody else uses, with one address beside demo customer 1's dorm.</summary>
    public async Task<Shopper> NewShopperAsync()
    {
        var template = (await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonArray>("/api/me/addresses"))![0]!;
        var customerId = Guid.NewGuid();
        var client = app.Client(TestTokens.Issue(customerId, Roles.Customer));
        var saved = await client.PostAsJsonAsync("/api/me/addresses", new
        {
            zoneId = template["zoneId"]!.GetValue<Guid>(), contactName = "王同学", phone = "13800138000", detail = "东区3号楼 201",
            latitude = template["latitude"]!.GetValue<double>(), longitude = template["longitude"]!.GetValue<double>(), tag = "学校", stairsNoLift = false,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        return new Shopper(client, (await OrderingKit.JsonOf(saved))["id"]!.GetValue<Guid>(), customerId);
    }

    public static object GroupCart(Shopper shopper, Guid? dealId = null, Guid? groupId = null) => new
    {
        merchantId = OrderingKit.Shop, addressId = shopper.AddressId, lines = new[] { OrderingKit.Line(Dish, 1) }, groupDealId = dealId, groupId,
    };

    public static Task<HttpResponseMessage> OpenAsync(Shopper shopper, Guid dealId) =>
        OrderingKit.PlaceAsync(shopper.Client, GroupCart(shopper, dealId: dealId), Guid.NewGuid().ToString());

    public static Task<HttpResponseMessage> JoinAsync(Shopper shopper, Guid groupId) =>
        OrderingKit.PlaceAsync(shopper.Client, GroupCart(shopper, groupId: groupId), Guid.NewGuid().ToString());

    public static async Task<JsonNode> PlacedAsync(Task<HttpResponseMessage> placing)
    {
        var response = await placing;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    /// <summary>Pays through the sandbox, whose signed callback reaches the host over HTTP; returns the payment id.</summary>
    public async Task<Guid> PayAsync(Shopper shopper, JsonNode order)
    {
        var started = await shopper.Client.PostAsJsonAsync($"/api/orders/{OrderingKit.IdOf(order)}/payments", new { channel = "wechat" });
        started.IsSuccessStatusCode.ShouldBeTrue(await started.Content.ReadAsStringAsync());
        var payment = await OrderingKit.JsonOf(started);
        (await app.Client().PostAsync(payment["payUrl"]!.GetValue<string>(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return payment["paymentId"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> OrderAsync(Shopper shopper, JsonNode order) =>
        (await shopper.Client.GetFromJsonAsync<JsonNode>($"/api/orders/{OrderingKit.IdOf(order)}"))!;

    public static async Task<string> StatusAsync(Shopper shopper, JsonNode order) => (await OrderAsync(shopper, order))["status"]!.GetValue<string>();

    /// <summary>Money moves through the sandbox's HTTP callback and the durable queues: on a busy machine that takes seconds.</summary>
    public static Task EventuallyStatusAsync(Shopper shopper, JsonNode order, string status) =>
        PaymentProbe.EventuallyAsync(async () => await StatusAsync(shopper, order) == status, $"order {OrderingKit.IdOf(order)} is {status}", seconds: 45);

    public static async Task<JsonNode> GroupAsync(Shopper shopper, Guid groupId) =>
        (await shopper.Client.GetFromJsonAsync<JsonNode>($"/api/growth/groups/{groupId}"))!;

    public static Guid GroupOf(JsonNode order) => order["groupBuyId"]!.GetValue<Guid>();

    public async Task<HashSet<Guid>> MerchantOrderIdsAsync() =>
        (await Staff.GetFromJsonAsync<JsonArray>("/api/merchant/orders"))!.Select(o => o!["id"]!.GetValue<Guid>()).ToHashSet();

    public async Task<JsonNode> OpsDealAsync(Guid dealId) =>
        (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/growth/group-deals"))!.Single(d => d!["id"]!.GetValue<Guid>() == dealId)!;

    /// <summary>The group's window ending, as the scheduler would deliver it once our clock is past it.</summary>
    public Task WindowEndsAsync(Guid groupId) => app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new GroupWindowEnded(groupId));

    /// <summary>The "groupBuys" section of the shopper's data export (the account itself is only a token here).</summary>
    public async Task<JsonArray> ExportedSeatsAsync(Shopper shopper)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "groupBuys");
        return JsonSerializer.SerializeToNode(await export.ExportAsync(shopper.CustomerId, default))?.AsArray() ?? [];
    }
}

internal sealed record Shopper(HttpClient Client, Guid AddressId, Guid CustomerId);
