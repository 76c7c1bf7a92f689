using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Payments;
using Kaifan.Payments.Sandbox;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>Refunds the gateway could not pay back (REFUND.ABNORMAL / REFUND.CLOSED): what the customer sees, what the station does.</summary>
public abstract partial class PaymentFlowTests
{
    [Fact]
    public async Task a_refund_stuck_at_the_gateway_shows_the_customer_refund_abnormal_until_its_money_comes()
    {
        const int customer = 1;
        var stuck = await StuckRefunds.ApprovedAwaitingTheGatewayAsync(app, customer);
        var abnormal = forge.RefundBody(stuck.PaymentId, stuck.RequestId, stuck.AmountFen, stuck.TotalFen, abnormal: true);

        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, abnormal))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(async () => (await app.RefundOfAsync(stuck.OrderId, customer))["latest"]!["refundAbnormal"]!.GetValue<bool>(), "the customer sees 退款异常");
        (await app.LatestStatusAsync(stuck.OrderId, customer)).ShouldBe("approved");
        (await ListStatusAsync(stuck.OrderId, customer)).ShouldBe("abnormal");

        // The money is still owed: the account stays until it has arrived.
        (await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);

        var success = forge.RefundBody(stuck.PaymentId, stuck.RequestId, stuck.AmountFen, stuck.TotalFen);
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, success))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(stuck.OrderId, customer) == "refunded", "the customer sees 已退款");
        (await app.RefundOfAsync(stuck.OrderId, customer))["latest"]!["refundAbnormal"]!.GetValue<bool>().ShouldBeFalse();
        (await ListStatusAsync(stuck.OrderId, customer)).ShouldBe("refunded");
        (await probe.PaymentStatusAsync(stuck.PaymentId, customer)).ShouldBe("Refunded");
    }

    [Fact]
    public async Task an_abnormal_refund_goes_to_the_merchants_account_once_however_many_operators_click()
    {
        const int customer = 2;
        var stuck = await StuckRefunds.ApprovedAwaitingTheGatewayAsync(app, customer);
        await StuckRefunds.AbnormalAtTheGatewayAsync(app, forge, stuck);
        var ops = app.Client(TestTokens.Operator());
        var path = $"/api/ops/refunds/{stuck.RequestId}/abnormal-refund";
        (await RefundRowAsync(stuck.RequestId)).GetProperty("gateway").GetString().ShouldBe("ABNORMAL");

        await (await ops.PostAsJsonAsync(path, new { })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "type");
        await (await ops.PostAsJsonAsync(path, new { type = "USER_BANK_CARD" })).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "type");
        await (await ops.PostAsync($"/api/ops/refunds/{stuck.RequestId}/resubmit", null)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        (await ops.PostAsJsonAsync($"/api/ops/refunds/{Guid.NewGuid()}/abnormal-refund", new { type = "MERCHANT_BANK_CARD" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RefundRowAsync(stuck.RequestId)).GetProperty("handledAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // Stuck refunds are listed whichever day is chosen: they are work still to do.
        var lastWeek = ChinaTime.DayOf(app.Clock.GetUtcNow()).AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await ops.GetFromJsonAsync<JsonElement>($"/api/ops/refunds?day={lastWeek}&status=abnormal")).GetProperty("refunds").EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetGuid() == stuck.RequestId);

        // A claim whose ask never reached the gateway (the host died in between) holds for a while, then may be made again.
        await ClaimAsync(stuck.RequestId, TimeSpan.FromMinutes(10));
        await (await ops.PostAsJsonAsync(path, new { type = "MERCHANT_BANK_CARD" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        (await RefundRowAsync(stuck.RequestId)).GetProperty("overdue").GetBoolean().ShouldBeFalse();
        await ClaimAsync(stuck.RequestId, ListRefunds.AnswerExpectedWithin + TimeSpan.FromMinutes(1));
        (await RefundRowAsync(stuck.RequestId)).GetProperty("overdue").GetBoolean().ShouldBeTrue();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ops.PostAsJsonAsync(path, new { type = "MERCHANT_BANK_CARD" })));

        clicks.Count(c => c.StatusCode == HttpStatusCode.Accepted).ShouldBe(1, string.Join(", ", clicks.Select(c => c.StatusCode)));
        foreach (var lost in clicks.Where(c => c.StatusCode != HttpStatusCode.Accepted))
        {
            await lost.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        }

        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(stuck.OrderId, customer) == "refunded", "the gateway's SUCCESS reached the customer");
        var row = await RefundRowAsync(stuck.RequestId);
        (row.GetProperty("status").GetString(), row.GetProperty("handledAt").ValueKind).ShouldBe(("succeeded", JsonValueKind.String));
        (await probe.PaymentStatusAsync(stuck.PaymentId, customer)).ShouldBe("Refunded");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var refund = await scope.ServiceProvider.GetRequiredService<PaymentsDb>().Refunds.SingleAsync(r => r.Id == stuck.RequestId);
            refund.HandledBy.ShouldBe(DemoCampus.OperatorId);
        }

        // The gateway refuses 发起异常退款 of a refund that is no longer ABNORMAL, and so does the station.
        var outRefundNo = stuck.RequestId.ToString("N");
        var sandbox = app.Services.GetRequiredService<SandboxGateway>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var booked = await scope.ServiceProvider.GetRequiredService<PaymentsDb>().SandboxRefunds.SingleAsync(r => r.OutRefundNo == outRefundNo);
            (await sandbox.ApplyAbnormalRefundAsync(booked.RefundId, booked.OutRefundNo, "MERCHANT_BANK_CARD", CancellationToken.None)).Status.ShouldBe(400);
        }

        await (await ops.PostAsJsonAsync(path, new { type = "MERCHANT_BANK_CARD" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
    }

    [Fact]
    public async Task a_closed_refund_is_refunded_again_under_a_new_number_once_however_many_operators_click()
    {
        const int customer = 3;
        var stuck = await StuckRefunds.ApprovedAwaitingTheGatewayAsync(app, customer);
        var closed = forge.RefundBody(stuck.PaymentId, stuck.RequestId, stuck.AmountFen, stuck.TotalFen, status: "CLOSED");
        (await app.Client().SendAsync(forge.Request(ForgedNotifications.RefundPath, closed))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ops = app.Client(TestTokens.Operator());
        var path = $"/api/ops/refunds/{stuck.RequestId}/resubmit";
        (await RefundRowAsync(stuck.RequestId)).GetProperty("gateway").GetString().ShouldBe("CLOSED");
        await (await ops.PostAsJsonAsync($"/api/ops/refunds/{stuck.RequestId}/abnormal-refund", new { type = "MERCHANT_BANK_CARD" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        (await ops.PostAsync($"/api/ops/refunds/{Guid.NewGuid()}/resubmit", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ops.PostAsync(path, null)));

        var created = clicks.Where(c => c.StatusCode == HttpStatusCode.Created).ToList().ShouldHaveSingleItem(string.Join(", ", clicks.Select(c => c.StatusCode)));
        foreach (var lost in clicks.Where(c => c != created))
        {
            await lost.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        }

        var again = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        again.ShouldNotBe(stuck.RequestId);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(stuck.OrderId, customer) == "refunded", "the new refund reached the customer");
        (await RefundRowAsync(stuck.RequestId)).GetProperty("status").GetString().ShouldBe("closed");
        (await RefundRowAsync(again)).GetProperty("status").GetString().ShouldBe("succeeded");
        (await probe.PaymentStatusAsync(stuck.PaymentId, customer)).ShouldBe("Refunded");
        await using var scope = app.Services.CreateAsyncScope();
        var trade = stuck.PaymentId.ToString("N");
        (await scope.ServiceProvider.GetRequiredService<PaymentsDb>().SandboxRefunds.Where(r => r.OutTradeNo == trade).Select(r => r.OutRefundNo + " " + r.AmountFen).ToListAsync())
            .ShouldBe([$"{again:N} {stuck.AmountFen}"], "the gateway refunded the money once, under the new number");
        await (await ops.PostAsync(path, null)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
    }

    private async Task ClaimAsync(Guid refundId, TimeSpan ago)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var refund = await db.Refunds.SingleAsync(r => r.Id == refundId);
        (refund.HandledAt, refund.HandledBy) = (app.Clock.GetUtcNow() - ago, Guid.NewGuid());
        refund.Version++;
        await db.SaveChangesAsync();
    }

    private async Task<string?> ListStatusAsync(Guid orderId, int customer) =>
        (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>("/api/orders")).EnumerateArray()
            .Single(o => o.GetProperty("id").GetGuid() == orderId).GetProperty("refundStatus").GetString();

    private async Task<JsonElement> RefundRowAsync(Guid refundId) =>
        (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonElement>("/api/ops/refunds")).GetProperty("refunds").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == refundId);
}
