using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Ordering;
using Kaifan.Ordering.Orders;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Growth;

/// <summary>Fresh customers (nobody else's test touches them) and their orders, for 邀请有礼.</summary>
internal static class ReferralKit
{
    public static (Guid Id, HttpClient Client) NewCustomer(this KaifanApp app)
    {
        var id = Guid.NewGuid();
        return (id, app.Client(TestTokens.Issue(id, Roles.Customer)));
    }

    public static async Task<JsonNode> MyReferralsAsync(HttpClient customer)
    {
        var response = await customer.GetAsync("/api/growth/referrals/me");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    public static async Task<string> CodeOfAsync(HttpClient customer) => (await MyReferralsAsync(customer))["code"]!.GetValue<string>();

    public static Task<HttpResponseMessage> AcceptAsync(HttpClient customer, string code) =>
        customer.PostAsJsonAsync("/api/growth/referrals/accept", new { code });

    /// <summary>An order of the noodle shop to the customer's new dorm address, paid.</summary>
    public static async Task<Guid> PaidOrderAsync(this KaifanApp app, HttpClient customer)
    {
        var order = await PlacedOrderAsync(customer);
        await app.PayAsync(order);
        return IdOf(order);
    }

    /// <summary>The same order, still awaiting payment.</summary>
    public static async Task<JsonNode> PlacedOrderAsync(HttpClient customer)
    {
        var address = await customer.PostAsJsonAsync("/api/me/addresses", new
        {
            zoneId = DemoCampus.ZoneId(1), contactName = "新同学", phone = "13912345678", detail = "开饭大学9号楼101",
            latitude = 31.0275, longitude = 121.4412, tag = "学校", stairsNoLift = false,
        });
        address.StatusCode.ShouldBe(HttpStatusCode.Created, await address.Content.ReadAsStringAsync());
        var addressId = (await JsonOf(address))["id"]!.GetValue<Guid>();
        return await PlacedAsync(customer, new { merchantId = Shop, addressId, lines = new[] { Line(BeefRice, 1, BeefRiceMild), Line(Tea, 1) } });
    }

    /// <summary>As if the rider had handed the food over (the delivery flow has its own tests): the order delivered, and the event Ordering then publishes.</summary>
    public static async Task<OrderDelivered> DeliveredAsync(this KaifanApp app, Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        var now = app.Clock.GetUtcNow();
        var rider = Guid.NewGuid();
        order.Accept(10, now).Done.ShouldBeTrue();
        order.MarkReady(now);
        order.AssignRider(rider, now);
        order.ArriveAtMerchant(now);
        order.PickUp(now);
        order.Deliver(DeliveryMethod.Door, null, null, now).Done.ShouldBeTrue();
        await db.SaveChangesAsync();
        return new OrderDelivered(orderId, rider, "door", null, now);
    }

    /// <summary>A coupon is issued by Ordering's handler a moment later; when it never comes, the host's logged errors say why.</summary>
    public static async Task EventuallyAsync(this KaifanApp app, Func<Task<bool>> condition, string what)
    {
        try
        {
            await PaymentProbe.EventuallyAsync(condition, what, seconds: 30);
        }
        catch (ShouldAssertException)
        {
            throw new ShouldAssertException($"Not within 30 s: {what}; host errors: {string.Join(" | ", app.Errors.Entries.Select(e => $"{e.Category}: {e.Message}"))}");
        }
    }

    public static Task PublishAsync(this KaifanApp app, object message) =>
        app.Services.GetRequiredService<IMessageBus>().PublishAsync(message).AsTask();

    public static async Task<List<Kaifan.Ordering.Coupons.Coupon>> CouponsOfAsync(this KaifanApp app, Guid customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.AsNoTracking().Where(c => c.CustomerId == customerId).ToListAsync();
    }
}
