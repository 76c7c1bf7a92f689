using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Payments;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.Wallet;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Tests.Payments;

/// <summary>余额: top-ups through the sandbox gateway, 余额支付, refunds back to the balance and 余额退回 to WeChat.</summary>
public abstract partial class PaymentFlowTests
{
    private const string TopUpPath = "/api/payments/notify/wechat-top-up";

    [Fact]
    public async Task a_top_up_is_credited_once_however_often_its_callback_arrives()
    {
        var client = app.Client(TestTokens.Customer(1));
        await (await client.PostAsJsonAsync("/api/me/wallet/top-ups", new { amountFen = 0 })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "amountFen");
        await (await client.PostAsJsonAsync("/api/me/wallet/top-ups", new { amountFen = 50_001 })).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "amountFen");
        var before = await WalletKit.BalanceAsync(app, 1);

        var topUpId = await WalletKit.TopUpAsync(app, 1, 3_000);
        var body = forge.PaymentBody(topUpId, 3_000);
        var copies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Client().SendAsync(forge.Request(TopUpPath, body))));

        copies.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await WalletKit.BalanceAsync(app, 1)).ShouldBe(before + 3_000);
        var wallet = await client.GetFromJsonAsync<JsonElement>("/api/me/wallet?limit=1");
        wallet.GetProperty("entries").EnumerateArray().ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("topUp");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PaymentsDb>().WalletEntries.CountAsync(e => e.SourceId == topUpId)).ShouldBe(1);
        await (await client.GetAsync("/api/me/wallet?limit=0")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task an_order_paid_from_the_balance_moves_on_like_one_paid_by_wechat()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 2);
        await WalletKit.TopUpAsync(app, 2, totalFen);
        var before = await WalletKit.BalanceAsync(app, 2);

        var response = await WalletKit.PayAsync(app, orderId, customer: 2);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var payment = await response.Content.ReadFromJsonAsync<JsonElement>();
        payment.GetProperty("status").GetString().ShouldBe("Succeeded");
        payment.GetProperty("channel").GetString().ShouldBe("balance");
        (await WalletKit.BalanceAsync(app, 2)).ShouldBe(before - totalFen);
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 2) == "AwaitingAcceptance", "order awaits acceptance");
        (await probe.OrderAsync(orderId, 2)).GetProperty("paidAt").GetDateTimeOffset().ShouldBe(payment.GetProperty("paidAt").GetDateTimeOffset());
        await (await WalletKit.PayAsync(app, orderId, customer: 2)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "orderId");
        (await WalletKit.BalanceAsync(app, 2)).ShouldBe(before - totalFen);
    }

    [Fact]
    public async Task a_balance_short_of_the_order_is_refused_naming_balance_and_nothing_changes()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 3);
        await WalletKit.TopUpAsync(app, 3, 1);
        var before = await WalletKit.BalanceAsync(app, 3);
        before.ShouldBeLessThan(totalFen);

        var refused = await WalletKit.PayAsync(app, orderId, customer: 3);

        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "balance");
        (await WalletKit.BalanceAsync(app, 3)).ShouldBe(before);
        (await probe.OrderStatusAsync(orderId, 3)).ShouldBe("AwaitingPayment");
        // No payment was left behind: WeChat can still pay the order.
        (await StartPaymentAsync(orderId, customer: 3)).GetProperty("status").GetString().ShouldBe("Pending");
    }

    [Fact]
    public async Task three_parallel_balance_payments_that_the_balance_covers_once_let_exactly_one_through()
    {
        var orders = new List<(Guid OrderId, long TotalFen)>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await PaymentOrders.PlaceAsync(app, customer: 4));
        }

        var before = await WalletKit.BalanceAsync(app, 4);
        var dearest = orders.Max(o => o.TotalFen);
        before.ShouldBeLessThan(dearest);
        await WalletKit.TopUpAsync(app, 4, dearest - before);
        orders.Min(o => o.TotalFen).ShouldBeGreaterThan(dearest / 2, "two orders together must be more than the balance");

        var responses = await Task.WhenAll(orders.Select(o => WalletKit.PayAsync(app, o.OrderId, customer: 4)));

        var paid = orders.Where((_, i) => responses[i].StatusCode == HttpStatusCode.Created).ToList();
        paid.ShouldHaveSingleItem();
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "balance");
        }

        (await WalletKit.BalanceAsync(app, 4)).ShouldBe(dearest - paid[0].TotalFen);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var customerId = Kaifan.BuildingBlocks.DemoCampus.CustomerId(4);
        (await db.WalletEntries.Where(e => e.CustomerId == customerId).SumAsync(e => e.AmountFen)).ShouldBe(dearest - paid[0].TotalFen);
    }

    [Fact]
    public async Task a_balance_paid_order_that_the_shop_rejects_is_refunded_to_the_balance()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 5);
        await WalletKit.TopUpAsync(app, 5, totalFen);
        var before = await WalletKit.BalanceAsync(app, 5);
        var payment = await (await WalletKit.PayAsync(app, orderId, customer: 5)).Content.ReadFromJsonAsync<JsonElement>();
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 5) == "AwaitingAcceptance", "order awaits acceptance");

        await PaymentOrders.RejectAsync(app, orderId);

        await PaymentProbe.EventuallyAsync(async () => await probe.PaymentStatusAsync(PaymentId(payment), 5) == "Refunded", "payment refunded");
        (await WalletKit.BalanceAsync(app, 5)).ShouldBe(before);
        (await probe.TransitionCountAsync(PaymentId(payment))).ShouldBe(3); // paid, refunding, refunded: once each
        var latest = (await app.Client(TestTokens.Customer(5)).GetFromJsonAsync<JsonElement>("/api/me/wallet?limit=2")).GetProperty("entries").EnumerateArray().ToList();
        latest.Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("amountFen").GetInt64()}").ShouldBe([$"refund {totalFen}", $"payment {-totalFen}"]);
        await PaymentProbe.EventuallyAsync(async () => (await probe.OrderAsync(orderId, 5)).GetProperty("refundedAt").ValueKind == JsonValueKind.String, "order refunded");
    }

    [Fact]
    public async Task a_balance_payment_of_an_order_with_a_wechat_payment_under_way_is_refused_saying_so()
    {
        var (orderId, totalFen) = await PaymentOrders.PlaceAsync(app, customer: 2);
        await WalletKit.TopUpAsync(app, 2, totalFen);
        var before = await WalletKit.BalanceAsync(app, 2);
        (await StartPaymentAsync(orderId, customer: 2)).GetProperty("status").GetString().ShouldBe("Pending");

        var refused = await WalletKit.PayAsync(app, orderId, customer: 2);

        var body = await refused.Content.ReadAsStringAsync();
        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "orderId");
        body.ShouldContain("已发起微信支付");
        (await WalletKit.BalanceAsync(app, 2)).ShouldBe(before);
        (await probe.OrderStatusAsync(orderId, 2)).ShouldBe("AwaitingPayment");
    }

    [Fact]
    public async Task three_parallel_balance_refunds_with_money_for_one_let_one_through_split_over_the_newest_top_ups()
    {
        var older = await WalletKit.TopUpAsync(app, 1, 1_000);
        var newer = await WalletKit.TopUpAsync(app, 1, 700);
        var balance = await WalletKit.BalanceAsync(app, 1);
        balance.ShouldBeGreaterThan(700);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WalletKit.RefundAsync(app, 1, balance)));

        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList().ShouldHaveSingleItem();
        foreach (var refused in responses.Where(r => r != accepted))
        {
            await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "amountFen");
        }

        var refund = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        refund.GetProperty("balanceFen").GetInt64().ShouldBe(0);
        var parts = refund.GetProperty("parts").EnumerateArray().ToList();
        (parts[0].GetProperty("topUpId").GetGuid(), parts[0].GetProperty("amountFen").GetInt64()).ShouldBe((newer, 700L));
        parts[1].GetProperty("topUpId").GetGuid().ShouldBe(older);
        parts.Sum(p => p.GetProperty("amountFen").GetInt64()).ShouldBe(balance);
        await WalletKit.RefundsSettledAsync(app, 1);
        (await WalletKit.BalanceAsync(app, 1)).ShouldBe(0);
        var latest = (await app.Client(TestTokens.Customer(1)).GetFromJsonAsync<JsonElement>("/api/me/wallet?limit=1")).GetProperty("entries")[0];
        (latest.GetProperty("kind").GetString(), latest.GetProperty("amountFen").GetInt64()).ShouldBe(("withdrawal", -balance));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var partIds = parts.Select(p => p.GetProperty("partId").GetGuid().ToString("N")).ToList();
        (await db.SandboxRefunds.Where(r => partIds.Contains(r.OutRefundNo)).SumAsync(r => r.AmountFen)).ShouldBe(balance, "the gateway refunded each part once");
        await (await WalletKit.RefundAsync(app, 1, null)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "balance");
        await (await WalletKit.RefundAsync(app, 1, 0)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "amountFen");
    }

    [Fact]
    public async Task a_balance_refund_the_gateway_cannot_make_comes_back_to_the_balance_once_however_often_it_is_told()
    {
        var failing = app.Services.GetRequiredService<SandboxKeys>().FailingRefundFen;
        var topUpId = await WalletKit.TopUpAsync(app, 2, failing);
        var before = await WalletKit.BalanceAsync(app, 2);

        var accepted = await WalletKit.RefundAsync(app, 2, failing);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var part = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parts").EnumerateArray().ShouldHaveSingleItem();
        var partId = part.GetProperty("partId").GetGuid();
        part.GetProperty("topUpId").GetGuid().ShouldBe(topUpId);
        await WalletKit.RefundsSettledAsync(app, 2);
        (await WalletKit.BalanceAsync(app, 2)).ShouldBe(before);
        var body = forge.RefundBody(topUpId, partId, failing, failing, abnormal: true);
        var copies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.Client().SendAsync(forge.Request(ForgedNotifications.BalanceRefundPath, body))));
        copies.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await WalletKit.BalanceAsync(app, 2)).ShouldBe(before);
        var latest = (await app.Client(TestTokens.Customer(2)).GetFromJsonAsync<JsonElement>("/api/me/wallet?limit=2")).GetProperty("entries").EnumerateArray().ToList();
        latest.Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("amountFen").GetInt64()}").ShouldBe([$"withdrawalFailed {failing}", $"withdrawal {-failing}"]);
        // Its money counts as not refunded: the same top-up is what the next 退回 takes first.
        var again = await (await WalletKit.RefundAsync(app, 2, failing)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("parts")[0].GetProperty("topUpId").GetGuid().ShouldBe(topUpId);
        await WalletKit.RefundsSettledAsync(app, 2);
    }

    [Fact]
    public async Task a_top_up_paid_after_it_expired_is_not_credited_and_its_money_goes_back_to_the_payer()
    {
        var before = await WalletKit.BalanceAsync(app, 3);
        var topUp = await (await app.Client(TestTokens.Customer(3)).PostAsJsonAsync("/api/me/wallet/top-ups", new { amountFen = 1_500 })).Content.ReadFromJsonAsync<JsonElement>();
        var topUpId = topUp.GetProperty("topUpId").GetGuid();
        var bus = app.Services.GetRequiredService<IMessageBus>();
        await bus.InvokeAsync(new TopUpExpires(topUpId));
        (await OpenTopUpStatusAsync(3, topUpId)).ShouldBe("Pending");

        app.Clock.Advance(CreatePayment.Lifetime + TimeSpan.FromSeconds(1));
        await bus.InvokeAsync(new TopUpExpires(topUpId));
        (await OpenTopUpStatusAsync(3, topUpId)).ShouldBe("Expired");
        (await app.Client().PostAsync(topUp.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(async () => await OpenTopUpStatusAsync(3, topUpId) == "Returned", "late top-up returned");
        var copies = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Client().SendAsync(forge.Request(TopUpPath, forge.PaymentBody(topUpId, 1_500)))));
        copies.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await WalletKit.SandboxRefundedAsync(app, topUpId, 1_500);
        (await WalletKit.BalanceAsync(app, 3)).ShouldBe(before);
    }

    [Fact]
    public async Task the_customer_cannot_erase_their_account_while_a_balance_refund_is_on_its_way()
    {
        // A customer of their own, with nothing else under way, whose account the test may erase in the end.
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        (await app.Client().PostAsJsonAsync("/api/auth/codes", new { phone })).EnsureSuccessStatusCode();
        var signedIn = await (await app.Client().PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) })).Content.ReadFromJsonAsync<JsonElement>();
        var client = app.Client(signedIn.GetProperty("token").GetString());
        var topUp = await (await client.PostAsJsonAsync("/api/me/wallet/top-ups", new { amountFen = 800 })).Content.ReadFromJsonAsync<JsonElement>();
        (await app.Client().PostAsync(topUp.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("balanceFen").GetInt64() == 800, "top-up credited");
        var accepted = await client.PostAsJsonAsync("/api/me/wallet/refunds", new { });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var partId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parts").EnumerateArray().ShouldHaveSingleItem().GetProperty("partId").GetGuid();
        await PaymentProbe.EventuallyAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("refundingFen").GetInt64() == 0, "balance refund answered");
        // The sandbox answers at once; the real gateway may take days, during which the part is still on its way.
        await SetBalanceRefundStatusAsync(partId, BalanceRefundStatus.Pending);

        var refused = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });

        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "balance");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("余额正在退回微信");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("refundingFen").GetInt64().ShouldBe(800);

        // Once the money has arrived, nothing holds the account.
        await SetBalanceRefundStatusAsync(partId, BalanceRefundStatus.Succeeded);
        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private async Task SetBalanceRefundStatusAsync(Guid partId, BalanceRefundStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaymentsDb>().BalanceRefunds.Where(r => r.Id == partId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status));
    }

    private async Task<string?> OpenTopUpStatusAsync(int customer, Guid topUpId) =>
        (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("topUps").EnumerateArray()
            .Where(t => t.GetProperty("topUpId").GetGuid() == topUpId).Select(t => t.GetProperty("status").GetString()).SingleOrDefault();
}
