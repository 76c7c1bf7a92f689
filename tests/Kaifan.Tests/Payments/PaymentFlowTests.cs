using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kaifan.Payments;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>Paying real orders (placed at lunchtime, when the demo shops are open) through the sandbox gateway, whose callbacks reach the host over real HTTP.</summary>
public abstract partial class PaymentFlowTests(KaifanApp app)
{
    private readonly ForgedNotifications forge = new(app);
    private readonly PaymentProbe probe = new(app);

    [Fact]
    public async Task paying_in_the_sandbox_notifies_over_http_and_the_order_awaits_acceptance()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 2);
        var payment = await StartPaymentAsync(orderId, customer: 2);
        payment.GetProperty("amountFen").GetInt64().ShouldBe(totalFen);
        payment.GetProperty("status").GetString().ShouldBe("Pending");
        var payUrl = payment.GetProperty("payUrl").GetString()!;
        payUrl.ShouldBe($"/sandbox/pay/{payment.GetProperty("prepayId").GetString()}");

        var confirmed = await app.Client().PostAsync(payUrl, null);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 2) == "AwaitingAcceptance", "order awaits acceptance");
        var paid = await probe.PaymentAsync(PaymentId(payment), 2);
        paid.GetProperty("status").GetString().ShouldBe("Succeeded");
        paid.GetProperty("paidAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await app.Client().PostAsync(payUrl, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task asking_to_pay_again_returns_the_same_pending_payment()
    {
        var (orderId, _) = await PaymentOrders.PlaceAsync(app, customer: 3);

        var first = await StartPaymentAsync(orderId, customer: 3);
        var again = await StartPaymentAsync(orderId, customer: 3);

        PaymentId(again).ShouldBe(PaymentId(first));
        again.GetProperty("prepayId").GetString().ShouldBe(first.GetProperty("prepayId").GetString());
    }

    [Fact]
    public async Task another_customers_order_and_payment_read_as_not_found()
    {
        var (orderId, _) = await PaymentOrders.PlaceAsync(app, customer: 4);
        var payment = await StartPaymentAsync(orderId, customer: 4);

        var stranger = app.Client(TestTokens.Customer(5));
        (await stranger.PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/payments/{PaymentId(payment)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(TestTokens.Customer(5)).PostAsJsonAsync($"/api/orders/{Guid.NewGuid()}/payments", new { channel = "wechat" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_paid_order_cannot_be_paid_again()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 1);
        var payment = await StartPaymentAsync(orderId, customer: 1);
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.PaymentPath, forge.PaymentBody(PaymentId(payment), totalFen)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 1) == "AwaitingAcceptance", "order awaits acceptance");

        var response = await app.Client(TestTokens.Customer(1)).PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("changed body byte", HttpStatusCode.Unauthorized)]
    [InlineData("wrong RSA key", HttpStatusCode.Unauthorized)]
    [InlineData("timestamp six minutes old", HttpStatusCode.Unauthorized)]
    [InlineData("wrong amount", HttpStatusCode.UnprocessableEntity)]
    public async Task a_forged_notification_is_rejected_and_changes_nothing(string forgery, HttpStatusCode expected)
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 5);
        var paymentId = PaymentId(await StartPaymentAsync(orderId, customer: 5));
        var orderBefore = await probe.OrderStatusAsync(orderId, 5);
        using var stranger = RSA.Create(2048);
        var body = forge.PaymentBody(paymentId, forgery == "wrong amount" ? totalFen - 1 : totalFen);

        var request = forgery switch
        {
            "changed body byte" => forge.Request(ForgedNotifications.PaymentPath, Changed(body), signedBody: body),
            "wrong RSA key" => forge.Request(ForgedNotifications.PaymentPath, body, signingKey: stranger),
            "timestamp six minutes old" => forge.Request(ForgedNotifications.PaymentPath, body, at: app.Clock.GetUtcNow().AddMinutes(-6)),
            _ => forge.Request(ForgedNotifications.PaymentPath, body),
        };
        var response = await app.Client().SendAsync(request);

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var payment = await probe.PaymentAsync(paymentId, 5);
        payment.GetProperty("status").GetString().ShouldBe("Pending");
        payment.GetProperty("paidAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await probe.OrderStatusAsync(orderId, 5)).ShouldBe(orderBefore);
    }

    [Fact]
    public async Task ten_parallel_copies_of_a_valid_notification_make_exactly_one_transition()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 1);
        var paymentId = PaymentId(await StartPaymentAsync(orderId, customer: 1));
        var body = forge.PaymentBody(paymentId, totalFen);
        var client = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SendAsync(forge.Request(ForgedNotifications.PaymentPath, body))));

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("SUCCESS");
        }

        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 1) == "AwaitingAcceptance", "order awaits acceptance");
        var order = await probe.OrderAsync(orderId, 1);
        var payment = await probe.PaymentAsync(paymentId, 1);
        payment.GetProperty("status").GetString().ShouldBe("Succeeded");
        order.GetProperty("paidAt").GetDateTimeOffset().ShouldBe(payment.GetProperty("paidAt").GetDateTimeOffset());
        (await probe.TransitionCountAsync(paymentId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_merchant_rejecting_a_paid_order_gets_the_customer_refunded()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 2);
        var payment = await StartPaymentAsync(orderId, customer: 2);
        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 2) == "AwaitingAcceptance", "order awaits acceptance");

        await PaymentOrders.RejectAsync(app, orderId);

        await PaymentProbe.EventuallyAsync(async () => await probe.PaymentStatusAsync(PaymentId(payment), 2) == "Refunded", "payment refunded");
        (await probe.PaymentAsync(PaymentId(payment), 2)).GetProperty("refundedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await probe.TransitionCountAsync(PaymentId(payment))).ShouldBe(3); // paid, refunding, refunded: once each
        totalFen.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task money_that_arrives_after_the_order_was_cancelled_goes_back_automatically()
    {
        var (orderId, _) = await PaymentOrders.PlaceAsync(app, customer: 3);
        var payment = await StartPaymentAsync(orderId, customer: 3);
        await PaymentOrders.CancelAsync(app, orderId, customer: 3);

        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(async () => await probe.PaymentStatusAsync(PaymentId(payment), 3) == "Refunded", "payment refunded");
        (await probe.TransitionCountAsync(PaymentId(payment))).ShouldBe(2); // straight to refunding, then refunded: never Succeeded
        (await probe.OrderStatusAsync(orderId, 3)).ShouldBe("Cancelled");
    }

    [Fact]
    public async Task the_operator_sees_the_days_refunds_with_totals_and_the_ones_the_gateway_has_not_answered()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 5);
        var payment = await StartPaymentAsync(orderId, customer: 5);
        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 5) == "AwaitingAcceptance", "order awaits acceptance");
        await PaymentOrders.RejectAsync(app, orderId);
        await PaymentProbe.EventuallyAsync(async () => await probe.PaymentStatusAsync(PaymentId(payment), 5) == "Refunded", "payment refunded");
        var ops = app.Client(TestTokens.Operator());
        var before = await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds");

        var rejected = before.GetProperty("refunds").EnumerateArray().Single(r => r.GetProperty("orderId").GetGuid() == orderId);
        rejected.GetProperty("amountFen").GetInt64().ShouldBe(totalFen);
        rejected.GetProperty("status").GetString().ShouldBe("succeeded");
        rejected.GetProperty("reason").GetString()!.ShouldContain("订单取消");

        // A refund the gateway has not answered for longer than it ever should.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
            db.Refunds.Add(new Refund
            {
                Id = Guid.NewGuid(), PaymentId = PaymentId(payment), AmountFen = 1, Reason = "test: unanswered", Status = RefundStatus.Pending,
                RequestedAt = app.Clock.GetUtcNow() - ListRefunds.AnswerExpectedWithin - TimeSpan.FromMinutes(1),
            });
            await db.SaveChangesAsync();
        }

        var after = await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds");
        after.GetProperty("count").GetInt32().ShouldBe(before.GetProperty("count").GetInt32() + 1);
        after.GetProperty("overdue").GetInt32().ShouldBe(before.GetProperty("overdue").GetInt32() + 1);
        after.GetProperty("pendingFen").GetInt64().ShouldBe(before.GetProperty("pendingFen").GetInt64() + 1);
        after.GetProperty("refundedFen").GetInt64().ShouldBe(before.GetProperty("refundedFen").GetInt64());
        after.GetProperty("more").GetBoolean().ShouldBeFalse();
        var newest = await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds?limit=1");
        (newest.GetProperty("refunds").GetArrayLength(), newest.GetProperty("more").GetBoolean(), newest.GetProperty("count").GetInt32())
            .ShouldBe((1, true, after.GetProperty("count").GetInt32()));
        var pending = await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds?status=pending");
        pending.GetProperty("refunds").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ShouldAllBe(s => s == "pending");
        pending.GetProperty("refunds").EnumerateArray().ShouldContain(r => r.GetProperty("reason").GetString() == "test: unanswered" && r.GetProperty("overdue").GetBoolean());
        var yesterday = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-1);
        (await ops.GetFromJsonAsync<JsonElement>($"/api/ops/refunds?day={yesterday:yyyy-MM-dd}")).GetProperty("refunds").EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("orderId").GetGuid() == orderId);

        await (await ops.GetAsync("/api/ops/refunds?day=29/11/2026")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "day");
        await (await ops.GetAsync("/api/ops/refunds?status=lost")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "status");
        (await app.Client(TestTokens.Customer(5)).GetAsync("/api/ops/refunds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_refund_the_gateway_could_not_pay_back_shows_as_abnormal_until_a_success_comes()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 4);
        var payment = await StartPaymentAsync(orderId, customer: 4);
        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 4) == "AwaitingAcceptance", "order awaits acceptance");
        await PaymentOrders.RejectAsync(app, orderId);
        await PaymentProbe.EventuallyAsync(async () => await probe.PaymentStatusAsync(PaymentId(payment), 4) == "Refunded", "payment refunded");
        // A second refund on the same payment that the gateway is still working on, so its outcome is the test's to send.
        var refundId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
            db.Refunds.Add(new Refund { Id = refundId, PaymentId = PaymentId(payment), AmountFen = 1, Reason = "test: card closed", Status = RefundStatus.Pending, RequestedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var ops = app.Client(TestTokens.Operator());
        async Task<JsonElement> RowAsync(string query = "") =>
            (await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds" + query)).GetProperty("refunds").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == refundId);
        var pendingBefore = (await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds")).GetProperty("pendingFen").GetInt64();

        // The gateway's retries and copies of REFUND.ABNORMAL: each acknowledged, so it stops asking.
        var abnormal = forge.RefundBody(PaymentId(payment), refundId, 1, totalFen, abnormal: true);
        var copies = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, abnormal))));
        copies.ShouldAllBe(c => c.StatusCode == HttpStatusCode.OK);
        (await RowAsync()).GetProperty("status").GetString().ShouldBe("abnormal");
        (await RowAsync("?status=abnormal")).GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await ops.GetFromJsonAsync<JsonElement>("/api/ops/refunds")).GetProperty("pendingFen").GetInt64().ShouldBe(pendingBefore - 1);

        // The station's 异常退款 went through: the gateway says SUCCESS, and the refund is done.
        var success = forge.RefundBody(PaymentId(payment), refundId, 1, totalFen);
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, success))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RowAsync()).GetProperty("status").GetString().ShouldBe("succeeded");
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, abnormal))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RowAsync()).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    private async Task<JsonElement> StartPaymentAsync(Guid orderId, int customer)
    {
        var response = await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Guid PaymentId(JsonElement payment) => payment.GetProperty("paymentId").GetGuid();

    private static byte[] Changed(byte[] body)
    {
        var changed = (byte[])body.Clone();
        var at = Array.IndexOf(changed, (byte)'"', 20);
        changed[at + 1] ^= 0x01;
        return changed;
    }
}

public sealed class PaymentFlowOnSqlite(LunchtimeSqliteApp app) : PaymentFlowTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class PaymentFlowOnPostgres(LunchtimePostgresApp app) : PaymentFlowTests(app), IClassFixture<LunchtimePostgresApp>;
