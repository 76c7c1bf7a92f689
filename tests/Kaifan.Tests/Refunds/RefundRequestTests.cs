using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Refunds;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;
using static Kaifan.Tests.Refunds.RefundKit;

namespace Kaifan.Tests.Refunds;

/// <summary>
/// 申请退款 after delivery: the amount comes from what was paid (lines carry their share of the coupon, fees come back
/// only with the whole order), within 24 hours, one open request at a time; the shop approves (money back through the
/// sandbox gateway and its signed callback), rejects with a reason, or is overtaken by the 24-hour auto-approval.
/// </summary>
public abstract class RefundRequestTests(LunchtimeApp app)
{
    [Fact]
    public async Task lines_carry_their_share_of_the_discount_fees_come_back_only_with_the_whole_order_and_never_more_than_paid()
    {
        const int customer = 1;
        var coupon = await app.IssueCouponAsync(customer, amountFen: 500);
        var order = await app.DeliveredOrderAsync(customer, coupon);
        var id = IdOf(order);
        var (items, discount, total) = (Fen(order, "itemsTotalFen"), Fen(order, "discountFen"), Fen(order, "totalFen"));
        discount.ShouldBe(500);
        var beefLine = order["lines"]![0]!;
        var onePiece = beefLine["lineTotalFen"]!.GetValue<long>() / beefLine["quantity"]!.GetValue<int>();

        await (await app.AskRefundAsync(customer, id, new { wholeOrder = false, reason = "lost", lines = new[] { new { line = 0, quantity = 1 } } }))
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        await (await app.AskRefundAsync(customer, id, new { wholeOrder = true, reason = "other", note = new string('长', 201) }))
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "note");
        await (await app.AskRefundAsync(customer, id, new { wholeOrder = false, reason = "other" })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "lines");
        await (await app.AskRefundAsync(customer, id, Lines("missing", (0, 3)))).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "lines[0].quantity");
        await (await app.AskRefundAsync(customer, id, Lines("missing", (7, 1)))).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "lines[0].line");

        var part = await app.RequestedAsync(customer, id, Lines("missing", (0, 1)));
        var partFen = onePiece * (items - discount) / items;
        part["amountFen"]!.GetValue<long>().ShouldBe(partFen, "one piece less its share of the ¥5 coupon, no fees");
        part["status"]!.GetValue<string>().ShouldBe("pending");
        (await app.Staff().PostAsync($"/api/merchant/refund-requests/{part["id"]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(id, customer) == "refunded", "the part is refunded");

        await (await app.AskRefundAsync(customer, id, Lines("missing", (0, 2)))).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "lines[0].quantity");
        var rest = await app.RequestedAsync(customer, id, Whole("spilled", "汤洒了一半"));
        rest["amountFen"]!.GetValue<long>().ShouldBe(total - partFen, "the whole order returns all that is left, fees included");
        (await app.Staff().PostAsync($"/api/merchant/refund-requests/{rest["id"]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(id, customer) == "refunded", "the rest is refunded");

        var refund = await app.RefundOfAsync(id, customer);
        (refund["refundedFen"]!.GetValue<long>(), refund["refundableFen"]!.GetValue<long>(), refund["canRequest"]!.GetValue<bool>()).ShouldBe((total, 0L, false));
        await (await app.AskRefundAsync(customer, id, Whole())).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "wholeOrder");
        var listed = (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonArray>("/api/orders"))!.Single(o => IdOf(o!) == id)!;
        listed["refundStatus"]!.GetValue<string>().ShouldBe("refunded");

        var export = await app.Client(TestTokens.Customer(customer)).GetStringAsync("/api/me/data-export");
        export.ShouldContain("refundRequests");
        export.ShouldContain("汤洒了一半");
    }

    [Fact]
    public async Task only_the_owner_within_24_hours_of_delivery_and_one_open_request_at_a_time()
    {
        const int customer = 2;
        var underWay = IdOf(await PlacedAsync(app.Client(TestTokens.Customer(customer)), BeefRiceAndTea(customer)));
        await (await app.AskRefundAsync(customer, underWay, Whole())).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "order");

        var id = IdOf(await app.DeliveredOrderAsync(customer));
        (await app.AskRefundAsync(3, id, Whole())).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another customer's order is not there");
        (await app.RefundOfAsync(id, customer))["canRequest"]!.GetValue<bool>().ShouldBeTrue();

        var first = await app.RequestedAsync(customer, id, Lines("quality", (1, 1)));
        (await app.RefundOfAsync(id, customer))["canRequest"]!.GetValue<bool>().ShouldBeFalse();
        await (await app.AskRefundAsync(customer, id, Lines("quality", (0, 1)))).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "refundRequest");
        var listed = (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonArray>("/api/orders"))!.Single(o => IdOf(o!) == id)!;
        listed["refundStatus"]!.GetValue<string>().ShouldBe("refunding");
        (await app.Staff().PostAsJsonAsync($"/api/merchant/refund-requests/{first["id"]}/reject", new { reason = "已核实足量" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        (await app.RefundOfAsync(id, customer))["canRequest"]!.GetValue<bool>().ShouldBeFalse();
        await (await app.AskRefundAsync(customer, id, Lines("quality", (0, 1)))).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "order");
    }

    [Fact]
    public async Task the_shop_sees_the_request_and_rejecting_needs_a_reason_the_customer_reads()
    {
        const int customer = 3;
        var id = IdOf(await app.DeliveredOrderAsync(customer));
        var asked = await app.RequestedAsync(customer, id, new { wholeOrder = false, reason = "wrong", note = "收到的是别家的饭", lines = new[] { new { line = 1, quantity = 1 } } });
        var requestId = asked["id"]!.GetValue<Guid>();

        async Task<JsonNode> OnBoardAsync() => (await app.Staff().GetFromJsonAsync<JsonArray>("/api/merchant/orders"))!.Single(o => IdOf(o!) == id)!;
        var onBoard = (await OnBoardAsync())["refund"]!["latest"]!;
        (onBoard["status"]!.GetValue<string>(), onBoard["reasonText"]!.GetValue<string>(), onBoard["amountFen"]!.GetValue<long>())
            .ShouldBe(("pending", "送错餐", asked["amountFen"]!.GetValue<long>()));
        onBoard["lines"]!.AsArray().Single()!["quantity"]!.GetValue<int>().ShouldBe(1);
        (await OnBoardAsync())["today"]!.GetValue<bool>().ShouldBeTrue();

        // The next lunchtime, still inside the shop's 24 hours to answer, the open request keeps the order on the board,
        // outside the new day's figures.
        var now = app.Clock.GetUtcNow();
        var nextNoon = LunchtimeApp.NextShanghaiNoon(Kaifan.Contracts.ChinaTime.StartOfDay(now).AddDays(1));
        nextNoon.ShouldBeLessThan(asked["autoApproveAt"]!.GetValue<DateTimeOffset>());
        app.Clock.SetUtcNow(nextNoon);
        (await OnBoardAsync())["today"]!.GetValue<bool>().ShouldBeFalse();

        (await app.Staff(2).PostAsJsonAsync($"/api/merchant/refund-requests/{requestId}/reject", new { reason = "不是本店" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await app.Staff().PostAsJsonAsync($"/api/merchant/refund-requests/{requestId}/reject", new { reason = "" }))
            .ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "reason");
        (await app.LatestStatusAsync(id, customer)).ShouldBe("pending");

        (await app.Staff().PostAsJsonAsync($"/api/merchant/refund-requests/{requestId}/reject", new { reason = "餐品已核实无误" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var latest = (await app.RefundOfAsync(id, customer))["latest"]!;
        (latest["status"]!.GetValue<string>(), latest["rejectReason"]!.GetValue<string>()).ShouldBe(("rejected", "餐品已核实无误"));
        await (await app.Staff().PostAsync($"/api/merchant/refund-requests/{requestId}/approve", null)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        (await app.RefundOfAsync(id, customer))["canRequest"]!.GetValue<bool>().ShouldBeTrue("a refused request leaves the money claimable");

        // Erasure keeps the request for the books and tombstones the customer's own words.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetServices<IPersonalDataErasure>().OfType<OrdersErasure>().Single().EraseAsync(DemoCampus.CustomerId(customer), CancellationToken.None);
        }

        var erased = (await app.RefundOfAsync(id, customer))["latest"]!;
        (erased["note"]!.GetValue<string>(), erased["status"]!.GetValue<string>()).ShouldBe(("已注销", "rejected"));
    }

    [Fact]
    public async Task a_request_the_shop_leaves_unanswered_for_24_hours_is_approved_and_refunded()
    {
        const int customer = 4;
        var id = IdOf(await app.DeliveredOrderAsync(customer));
        var asked = await app.RequestedAsync(customer, id, Whole("missing"));
        var requestId = asked["id"]!.GetValue<Guid>();
        asked["autoApproveAt"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow() + TimeSpan.FromHours(24));

        // The durable message firing early (the scheduler's clock is not ours) changes nothing.
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new RefundAnswerDue(requestId));
        (await app.LatestStatusAsync(id, customer)).ShouldBe("pending");

        app.Clock.Advance(TimeSpan.FromHours(24));
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new RefundAnswerDue(requestId));
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(id, customer) == "refunded", "approved by itself and refunded");
        var latest = (await app.RefundOfAsync(id, customer))["latest"]!;
        (latest["approvedAutomatically"]!.GetValue<bool>(), latest["amountFen"]!.GetValue<long>()).ShouldBe((true, asked["amountFen"]!.GetValue<long>()));
    }

    [Fact]
    public async Task parallel_requests_never_refund_more_than_was_paid()
    {
        const int customer = 5;
        var order = await app.DeliveredOrderAsync(customer);
        var id = IdOf(order);

        // Separate clients, started together: each reads the order before the others commit.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => app.AskRefundAsync(customer, id, i % 2 == 0 ? Whole() : Lines("missing", (0, 2)))));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);

        var winner = await JsonOf(answers.Single(a => a.StatusCode == HttpStatusCode.Created));
        (await app.Staff().PostAsync($"/api/merchant/refund-requests/{winner["id"]}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await app.LatestStatusAsync(id, customer) == "refunded", "refunded");

        var again = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.AskRefundAsync(customer, id, Whole())));
        var refund = await app.RefundOfAsync(id, customer);
        var claimed = refund["refundedFen"]!.GetValue<long>() + (again.Any(a => a.StatusCode == HttpStatusCode.Created) ? refund["latest"]!["amountFen"]!.GetValue<long>() : 0);
        claimed.ShouldBeLessThanOrEqualTo(Fen(order, "totalFen"));
        again.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBeLessThanOrEqualTo(1);
    }

    /// <summary>Parts of one payment approved at once (a shop's refund and a cashback, say) take turns: together they never pass what was paid.</summary>
    [Fact]
    public async Task parts_of_one_payment_refunded_at_once_never_add_up_to_more_than_was_paid()
    {
        var id = IdOf(await app.DeliveredOrderAsync(customer: 3));
        long paid;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            paid = await scope.ServiceProvider.GetRequiredService<Kaifan.Payments.PaymentsDb>().Intents.Where(p => p.OrderId == id).Select(p => p.AmountFen).SingleAsync();
        }

        var parts = Enumerable.Range(0, 8).Select(_ => new Kaifan.Payments.RefundOrderPart(Guid.NewGuid(), id, paid * 6 / 10)).ToList();
        await Task.WhenAll(parts.Select(async part =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(part);
        }));

        await PaymentProbe.EventuallyAsync(
            () => Task.FromResult(parts.Count(part => app.Errors.Entries.Any(e => e.Message.Contains(part.RequestId.ToString(), StringComparison.Ordinal))) == parts.Count - 1),
            "all parts but one are refused for want of money left");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var refunds = await scope.ServiceProvider.GetRequiredService<Kaifan.Payments.PaymentsDb>().Refunds
                .Where(r => parts.Select(p => p.RequestId).Contains(r.Id)).Select(r => r.AmountFen).ToListAsync();
            refunds.ShouldBe([paid * 6 / 10]);
        }
    }

    private static long Fen(JsonNode order, string name) => order[name]!.GetValue<long>();
}

public sealed class RefundRequestsOnSqlite(LunchtimeSqliteApp app) : RefundRequestTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RefundRequestsOnPostgres(LunchtimePostgresApp app) : RefundRequestTests(app), IClassFixture<LunchtimePostgresApp>;
