using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering;
using Kaifan.Ordering.Orders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Refunds;

/// <summary>Delivered orders paid through the sandbox gateway, so an approved refund goes back the way money really does.</summary>
internal static class RefundKit
{
    /// <summary>Two 牛肉饭 and a tea, optionally with a coupon, paid in the sandbox and delivered now (the kitchen and the ride skipped).</summary>
    public static async Task<JsonNode> DeliveredOrderAsync(this KaifanApp app, int customer, Guid? coupon = null)
    {
        var id = await app.PaidAndDeliveredAsync(customer, new
        {
            merchantId = Shop,
            addressId = DemoCampus.Id($"address:{customer}"),
            lines = new[] { Line(BeefRice, 2, BeefRiceMild), Line(Tea, 1) },
            couponId = coupon,
        });
        return await app.CustomerViewAsyncOf(id, customer);
    }

    /// <summary>Places the order, pays it in the sandbox and delivers it now (the kitchen and the ride skipped).</summary>
    public static async Task<Guid> PaidAndDeliveredAsync(this KaifanApp app, int customer, object order)
    {
        var client = app.Client(TestTokens.Customer(customer));
        var id = IdOf(await PlacedAsync(client, order));
        var payment = await client.PostAsJsonAsync($"/api/orders/{id}/payments", new { channel = "wechat" });
        payment.IsSuccessStatusCode.ShouldBeTrue(await payment.Content.ReadAsStringAsync());
        (await app.Client().PostAsync((await JsonOf(payment))["payUrl"]!.GetValue<string>(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.StatusAsync(id, customer) == "AwaitingAcceptance", "the order is paid");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        var placed = await db.Orders.SingleAsync(o => o.Id == id);
        var now = app.Clock.GetUtcNow();
        placed.Accept(10, now).Done.ShouldBeTrue();
        placed.MarkReady(now);
        placed.AssignRider(Guid.NewGuid(), now);
        placed.ArriveAtMerchant(now);
        placed.PickUp(now);
        placed.Deliver(DeliveryMethod.Door, null, null, now).Done.ShouldBeTrue();
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<JsonNode> CustomerViewAsyncOf(this KaifanApp app, Guid orderId, int customer) =>
        await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}"));

    public static Task<HttpResponseMessage> AskRefundAsync(this KaifanApp app, int customer, Guid orderId, object body) =>
        app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/refund-requests", body);

    public static object Whole(string reason = "spilled", string? note = null) => new { wholeOrder = true, reason, note };

    public static object Lines(string reason, params (int Line, int Quantity)[] lines) =>
        new { wholeOrder = false, reason, lines = lines.Select(l => new { line = l.Line, quantity = l.Quantity }).ToArray() };

    public static async Task<JsonNode> RequestedAsync(this KaifanApp app, int customer, Guid orderId, object body)
    {
        var response = await app.AskRefundAsync(customer, orderId, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    public static async Task<JsonNode> RefundOfAsync(this KaifanApp app, Guid orderId, int customer) =>
        (await app.CustomerViewAsyncOf(orderId, customer))["refund"]!;

    public static async Task<string> LatestStatusAsync(this KaifanApp app, Guid orderId, int customer) =>
        (await app.RefundOfAsync(orderId, customer))["latest"]!["status"]!.GetValue<string>();
}
