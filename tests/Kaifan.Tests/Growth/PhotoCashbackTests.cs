using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Tests.Refunds;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 晒图返现: the noodle shop's demo campaign (¥3 for a photo and 15 characters on an order from ¥20) queues qualifying
/// photo reviews; the shop approves (paid once, back to the payment through Payments) or rejects with a reason the
/// customer reads; parallel approvals never pass the budget.
/// </summary>
public abstract class PhotoCashbackTests(LunchtimeApp app)
{
    private const string Queue = "/api/merchant/photo-cashback/claims";
    private const string OpsQueue = "/api/ops/growth/photo-cashback/claims";
    private const string LongEnough = "面很筋道，牛肉给得很多，汤也很鲜，下次还点";

    [Fact]
    public async Task only_a_review_with_a_photo_enough_text_and_a_large_enough_order_is_queued_and_shows_pending()
    {
        var shortText = IdOf(await app.DeliveredOrderAsync(1));
        await app.ReviewWithPhotosAsync(1, shortText, "好吃", await app.UploadedAsync(1));
        var noPhoto = IdOf(await app.DeliveredOrderAsync(1));
        await app.ReviewWithPhotosAsync(1, noPhoto, LongEnough);
        var small = await app.DeliveredPaidOrderAsync(1, Shop, Line(ColdBeef, 1));
        (await app.CustomerViewAsyncOf(small, 1))["totalFen"]!.GetValue<long>().ShouldBeLessThan(2000, "凉拌牛肉 alone stays under the minimum");
        await app.ReviewWithPhotosAsync(1, small, LongEnough, await app.UploadedAsync(1));
        var qualifying = IdOf(await app.DeliveredOrderAsync(1));
        (await app.ReviewWithPhotosAsync(1, qualifying, LongEnough, await app.UploadedAsync(1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var claim = await app.ClaimOfAsync(qualifying, app.Staff(), Queue);
        (claim["status"]!.GetValue<string>(), claim["amountFen"]!.GetValue<long>(), claim["photoIds"]!.AsArray().Count).ShouldBe(("pending", 300L, 1));
        await PaymentProbe.EventuallyAsync(async () => await app.CashbackOfAsync(qualifying, 1) is { } c && c["status"]!.GetValue<string>() == "pending", "the review shows 待审核");

        var queue = (await app.Staff().GetFromJsonAsync<JsonArray>(Queue))!.Select(c => c!["orderId"]!.GetValue<Guid>()).ToList();
        queue.ShouldNotContain(shortText, "under 15 characters");
        queue.ShouldNotContain(noPhoto, "no photo");
        queue.ShouldNotContain(small, "under the ¥20 minimum order");
        (await app.CashbackOfAsync(shortText, 1)).ShouldBeNull();
        (await app.Staff(2).GetFromJsonAsync<JsonArray>(Queue))!.ShouldNotContain(c => c!["orderId"]!.GetValue<Guid>() == qualifying, "another shop's queue");
    }

    [Fact]
    public async Task approval_pays_the_cashback_once_back_to_the_payment_even_when_approved_twice_at_once()
    {
        var orderId = IdOf(await app.DeliveredOrderAsync(2));
        await app.ReviewWithPhotosAsync(2, orderId, LongEnough, await app.UploadedAsync(2));
        var claimId = (await app.ClaimOfAsync(orderId, app.Staff(), Queue))["id"]!.GetValue<Guid>();

        (await app.Staff(2).PostAsync($"{Queue}/{claimId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another shop's claim");
        var answers = await Task.WhenAll(
            app.Staff().PostAsync($"{Queue}/{claimId}/approve", null),
            app.Client(TestTokens.Operator()).PostAsync($"{OpsQueue}/{claimId}/approve", null),
            app.Staff().PostAsync($"{Queue}/{claimId}/approve", null));
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");
        }

        await PaymentProbe.EventuallyAsync(
            async () => (await app.RefundOfAsync(orderId, 2))["refundedFen"]!.GetValue<long>() == 300, "Payments gave ¥3 back to the payment");
        var cashback = (await app.CashbackOfAsync(orderId, 2))!;
        (cashback["status"]!.GetValue<string>(), cashback["amountFen"]!.GetValue<long>()).ShouldBe(("paid", 300L));
        (await app.RefundOfAsync(orderId, 2))["refundedFen"]!.GetValue<long>().ShouldBe(300, "once");
    }

    [Fact]
    public async Task a_rejection_needs_a_reason_the_customer_reads_and_pays_nothing()
    {
        var orderId = IdOf(await app.DeliveredOrderAsync(3));
        await app.ReviewWithPhotosAsync(3, orderId, LongEnough, await app.UploadedAsync(3));
        var claimId = (await app.ClaimOfAsync(orderId, app.Staff(), Queue))["id"]!.GetValue<Guid>();

        var noReason = await app.Staff().PostAsJsonAsync($"{Queue}/{claimId}/reject", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(noReason))["errors"]!["reason"].ShouldNotBeNull();
        (await app.Staff().PostAsJsonAsync($"{Queue}/{claimId}/reject", new { reason = "图片与菜品无关" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.Staff().PostAsync($"{Queue}/{claimId}/approve", null)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");

        await PaymentProbe.EventuallyAsync(
            async () => await app.CashbackOfAsync(orderId, 3) is { } c && c["status"]!.GetValue<string>() == "rejected", "the review shows 未通过");
        (await app.CashbackOfAsync(orderId, 3))!["reason"]!.GetValue<string>().ShouldBe("图片与菜品无关");
        (await app.RefundOfAsync(orderId, 3))["refundedFen"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task parallel_approvals_never_pass_the_budget_and_the_shop_window_is_one_campaign_at_a_time()
    {
        var ops = app.Client(TestTokens.Operator());
        var shop = DemoCampus.MerchantId(2);
        var now = app.Clock.GetUtcNow();
        var campaign = new { merchantId = shop, amountFen = 200, minOrderFen = 0, minTextLength = 0, budget = 2, startsAt = now.AddHours(-1), endsAt = now.AddDays(7) };
        var created = await ops.PostAsJsonAsync("/api/ops/growth/photo-cashback", campaign);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await (await ops.PostAsJsonAsync("/api/ops/growth/photo-cashback", campaign)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "startsAt");
        var bad = await app.Staff(2).PostAsJsonAsync("/api/merchant/photo-cashback", campaign with { amountFen = 0 });
        (await JsonOf(bad))["errors"]!["amountFen"].ShouldNotBeNull();

        var orders = new List<Guid>();
        foreach (var customer in new[] { 4, 4, 4, 4 })
        {
            var orderId = await app.DeliveredPaidOrderAsync(customer, shop, Line(PhotoKit.SweetRiceCake, 2));
            (await app.ReviewWithPhotosAsync(customer, orderId, null, await app.UploadedAsync(customer))).StatusCode.ShouldBe(HttpStatusCode.Created);
            orders.Add(orderId);
        }

        var claims = new List<Guid>();
        foreach (var orderId in orders)
        {
            claims.Add((await app.ClaimOfAsync(orderId, app.Staff(2), Queue))["id"]!.GetValue<Guid>());
        }

        var answers = await Task.WhenAll(claims.Select((c, i) => i % 2 == 0
            ? app.Staff(2).PostAsync($"{Queue}/{c}/approve", null)
            : ops.PostAsync($"{OpsQueue}/{c}/approve", null)));
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(2);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "budget");
        }

        var listed = (await app.Staff(2).GetFromJsonAsync<JsonArray>("/api/merchant/photo-cashback"))!.Single()!;
        (listed["paid"]!.GetValue<int>(), listed["status"]!.GetValue<string>()).ShouldBe((2, "exhausted"));
        (await app.Staff(2).GetFromJsonAsync<JsonArray>(Queue))!.Count(c => c!["status"]!.GetValue<string>() == "pending").ShouldBe(2, "the refused stay in the queue");
    }
}

public sealed class PhotoCashbackOnSqlite(LunchtimeSqliteApp app) : PhotoCashbackTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class PhotoCashbackOnPostgres(LunchtimePostgresApp app) : PhotoCashbackTests(app), IClassFixture<LunchtimePostgresApp>;
