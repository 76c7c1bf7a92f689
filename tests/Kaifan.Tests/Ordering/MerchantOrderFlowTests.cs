using System.Net;
using System.Net.Http.Json;
using Kaifan.Contracts.Events;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>After payment: the noodle shop's staff accept, ready or reject; customers cancel while they still may.</summary>
public abstract class MerchantOrderFlowTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_merchant_accepts_and_readies_its_own_paid_orders_in_order_only()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(1)), BeefRiceAndTea(1));
        var id = IdOf(order);
        var merchant = app.Staff(NoodleShop);

        // Unpaid orders are not the merchant's business yet.
        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.PayAsync(order);
        await app.PayAsync(order);
        (await app.StatusAsync(id, 1)).ShouldBe("AwaitingAcceptance");

        var other = app.Staff(2);
        (await other.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 10 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await merchant.PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var accepted = await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 12 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(accepted))["prepMinutes"]!.GetValue<int>().ShouldBe(12);
        var twice = await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/accept", new { prepMinutes = 12 });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        twice.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync($"/api/orders/{id}/cancel", new { reason = "太慢" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await merchant.PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.StatusAsync(id, 1)).ShouldBe("Ready");

        var board = await JsonOf(await merchant.GetAsync("/api/merchant/orders?status=Ready"));
        var row = board.AsArray().Single(o => IdOf(o!) == id)!;
        row["address"]!["phone"]!.GetValue<string>().ShouldBe("138****0001");
        row["address"]!["detail"]!.GetValue<string>().ShouldEndWith("****");
        (await JsonOf(await other.GetAsync("/api/merchant/orders"))).AsArray().ShouldNotContain(o => IdOf(o!) == id);
        (await merchant.GetAsync("/api/merchant/orders?status=Nope")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_merchant_rejection_needs_a_reason_and_refunds_the_customer()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(5)), BeefRiceAndTea(5));
        var id = IdOf(order);
        await app.PayAsync(order);
        var merchant = app.Staff(NoodleShop);

        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/reject", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await JsonOf(await merchant.PostAsJsonAsync($"/api/merchant/orders/{id}/reject", new { reason = "售罄" }));
        rejected["status"]!.GetValue<string>().ShouldBe("Cancelled");
        rejected["cancelledBy"]!.GetValue<string>().ShouldBe("Merchant");
        rejected["refundDue"]!.GetValue<bool>().ShouldBeTrue();

        // Published, not invoked: Ordering and Insights each handle it.
        await app.Services.GetRequiredService<IMessageBus>().PublishAsync(new PaymentRefunded(Guid.NewGuid(), id, order["totalFen"]!.GetValue<long>(), app.Clock.GetUtcNow()));
        var customer = app.Client(TestTokens.Customer(5));
        await PaymentProbe.EventuallyAsync(async () => (await JsonOf(await customer.GetAsync($"/api/orders/{id}")))["refundedAt"] is not null, "Ordering records the refund");
        var seen = await JsonOf(await customer.GetAsync($"/api/orders/{id}"));
        seen["timeline"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()).ShouldBe(["placed", "paid", "cancelled", "refunded"]);
    }

    [Fact]
    public async Task a_customer_cancels_before_acceptance_and_is_told_whether_a_refund_is_due()
    {
        var client = app.Client(TestTokens.Customer(3));
        var unpaid = await PlacedAsync(client, BeefRiceAndTea(3));
        var cancelled = await JsonOf(await client.PostAsJsonAsync($"/api/orders/{IdOf(unpaid)}/cancel", new { reason = "点错了" }));
        (cancelled["status"]!.GetValue<string>(), cancelled["refundDue"]!.GetValue<bool>()).ShouldBe(("Cancelled", false));
        (await client.PostAsJsonAsync($"/api/orders/{IdOf(unpaid)}/cancel", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var paid = await PlacedAsync(client, BeefRiceAndTea(3));
        await app.PayAsync(paid);
        var refunded = await JsonOf(await client.PostAsJsonAsync($"/api/orders/{IdOf(paid)}/cancel", new { reason = "不想要了" }));
        (refunded["status"]!.GetValue<string>(), refunded["refundDue"]!.GetValue<bool>()).ShouldBe(("Cancelled", true));
    }
}

public sealed class MerchantOrderFlowOnSqlite(LunchtimeSqliteApp app) : MerchantOrderFlowTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class MerchantOrderFlowOnPostgres(LunchtimePostgresApp app) : MerchantOrderFlowTests(app), IClassFixture<LunchtimePostgresApp>;
