using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Earnings;
using Kaifan.Dispatch.Wallet;
using Kaifan.Payments;
using Kaifan.Payments.Sandbox;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Delivery;

/// <summary>对账: a transfer whose callback never came is settled by asking the gateway; the ops list of withdrawals.</summary>
public abstract partial class RiderWalletTests
{
    [Fact]
    public async Task a_transfer_whose_callback_is_lost_is_settled_by_the_job_and_one_the_gateway_never_had_fails_after_the_grace()
    {
        const int rider = 8;
        var riderId = DemoCampus.RiderId(rider);
        await EarnAsync(rider, 2_000, Yesterday);
        var lost = app.Services.GetRequiredService<SandboxKeys>().LostCallbackTransferFen;
        var created = await WithdrawAsync(rider, lost);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var paidId = (await JsonOf(created))["id"]!.GetValue<Guid>();
        await PaymentProbe.EventuallyAsync(async () => await SandboxBillAsync(paidId) is not null, "the gateway has the transfer");

        // A submission that never reached the gateway: its transfer and withdrawal, and no bill. And one never submitted at
        // all (its message still on its way): nothing can have reached the gateway, so no grace runs out for it.
        var unknownId = await PendingTransferAsync(riderId, 300, app.Clock.GetUtcNow());
        var unsubmittedId = await PendingTransferAsync(DemoCampus.RiderId(7), 200, app.Clock.GetUtcNow(), submitted: false);
        var settings = app.Services.GetRequiredService<ReconciliationSettings>();
        var ops = app.Client(TestTokens.Operator());

        // Not asked before QueryAfter: the gateway paid, but no callback came.
        app.Clock.Advance(settings.QueryAfter - TimeSpan.FromMinutes(1));
        await ReconciliationTickAsync();
        (await PaymentsTransferAsync(paidId)).Status.ShouldBe(TransferStatus.Pending);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await ReconciliationTickAsync();
        (await SettledAsync(rider, paidId))["status"]!.GetValue<string>().ShouldBe("Paid");
        var (paid, bill) = await TransferAsync(paidId);
        (paid.Version, paid.TransferBillNo).ShouldBe((2, bill.TransferBillNo));

        // Unknown to the gateway, but younger than the grace: its submission may still be retrying.
        (await PaymentsTransferAsync(unknownId)).Status.ShouldBe(TransferStatus.Pending);
        var asked = await ops.PostAsync($"/api/ops/withdrawals/{unknownId}/reconcile", null);
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await JsonOf(asked);
        (answer["status"]!.GetValue<string>(), answer["gatewayState"]!.GetValue<string>()).ShouldBe(("pending", "NOT_FOUND"));
        var audit = await ops.GetFromJsonAsync<JsonObject>("/api/ops/audit?action=withdrawal.reconciled");
        audit!["entries"]!.AsArray().ShouldContain(e => e!["subjectId"]!.GetValue<string>() == unknownId.ToString());

        app.Clock.Advance(settings.UnknownFailsAfter);
        await ReconciliationTickAsync();
        await PaymentProbe.EventuallyAsync(async () => await WithdrawalStatusAsync(unknownId) == WithdrawalStatus.Failed, "the unknown transfer fails");
        (await PaymentsTransferAsync(unknownId)).FailReason.ShouldBe("NOT_FOUND");
        (await PaymentsTransferAsync(unsubmittedId)).Status.ShouldBe(TransferStatus.Pending);
        var wallet = await WalletAsync(rider);
        Fen(wallet, "availableFen").ShouldBe(2_000 - lost);
        wallet["withdrawalsLeftToday"]!.GetValue<int>().ShouldBe(Settings.MaxWithdrawalsPerDay - 1);

        // Replayed from the dead letters now, its submission would pay money the rider has back: it is not sent.
        await app.Services.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(
            new SubmitTransfer(unknownId, unknownId.ToString("N"), RiderTransfer.SandboxOpenIdOf(riderId), 300));
        (await SandboxBillAsync(unknownId)).ShouldBeNull();
        await (await ops.PostAsync($"/api/ops/withdrawals/{unknownId}/reconcile", null)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "status");

        // Had the gateway paid it after all, its SUCCESS cannot be undone here: acknowledged, nothing moves, and it is logged
        // as critical, for the rider now has the amount twice.
        (await SendAsync(notifications.TransferBody(unknownId, 300, RiderTransfer.SandboxOpenIdOf(riderId), "SUCCESS"))).ShouldBe(HttpStatusCode.OK);
        (await PaymentsTransferAsync(unknownId)).Status.ShouldBe(TransferStatus.Failed);
        app.Errors.Entries.ShouldContain(e => e.Message.Contains(unknownId.ToString(), StringComparison.Ordinal) && e.Message.Contains("paid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_late_callback_racing_the_job_and_the_operators_reconcile_settles_the_transfer_once()
    {
        const int rider = 9;
        var riderId = DemoCampus.RiderId(rider);
        await EarnAsync(rider, 1_000, Yesterday);
        var openId = RiderTransfer.SandboxOpenIdOf(riderId);
        var ops = app.Client(TestTokens.Operator());
        string[] states = ["SUCCESS", "FAIL", "SUCCESS", "FAIL"];
        foreach (var state in states)
        {
            // The gateway finished the bill and its callback comes late, just as the job and an operator ask about it.
            var id = await PendingTransferAsync(riderId, 100, app.Clock.GetUtcNow() - TimeSpan.FromHours(1), state);
            var failReason = state == "FAIL" ? "PAYEE_ACCOUNT_ABNORMAL" : null;
            // Materialised, so the callbacks, the 对账 requests and the job's tick all start before any is awaited.
            var callbacks = Enumerable.Range(0, 3).Select(_ => SendAsync(notifications.TransferBody(id, 100, openId, state, failReason))).ToList();
            var reconciles = Enumerable.Range(0, 3).Select(async _ =>
            {
                using var response = await ops.PostAsync($"/api/ops/withdrawals/{id}/reconcile", null);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }).ToList();
            var tick = ReconciliationTickAsync();
            (await Task.WhenAll(callbacks)).ShouldAllBe(c => c == HttpStatusCode.OK);
            var expected = state == "SUCCESS" ? "paid" : "failed";
            foreach (var (status, body) in await Task.WhenAll(reconciles))
            {
                // Either this query settled it, or the callback or the job had: then there is nothing left to ask.
                (status == HttpStatusCode.Conflict || (status == HttpStatusCode.OK && JsonNode.Parse(body)!["status"]!.GetValue<string>() == expected))
                    .ShouldBeTrue($"{status} {body}");
            }

            await tick;
            var transfer = await PaymentsTransferAsync(id);
            transfer.Version.ShouldBe(1, "one of them settled the transfer");
            transfer.Status.ShouldBe(state == "SUCCESS" ? TransferStatus.Succeeded : TransferStatus.Failed);
            await PaymentProbe.EventuallyAsync(async () => await WithdrawalStatusAsync(id) != WithdrawalStatus.Pending, "the outcome reaches the wallet");
            (await WithdrawalStatusAsync(id)).ShouldBe(state == "SUCCESS" ? WithdrawalStatus.Paid : WithdrawalStatus.Failed);

            // Each callback carries its own bill number: had two of them settled it, the wallet would hold the first's and
            // Payments the last's.
            (await WithdrawalNoteAsync(id)).ShouldBe(state == "SUCCESS" ? transfer.TransferBillNo : transfer.FailReason);
        }

        Fen(await WalletAsync(rider), "availableFen").ShouldBe(1_000 - (100 * states.Count(s => s == "SUCCESS")));
    }

    [Fact]
    public async Task the_ops_list_shows_all_riders_withdrawals_newest_first_filters_by_status_pages_and_is_for_operators_only()
    {
        var riderId = DemoCampus.RiderId(10);
        var now = app.Clock.GetUtcNow();
        Guid paid = Guid.NewGuid(), failed = Guid.NewGuid(), pending = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            db.RiderWithdrawals.AddRange(
                new RiderWithdrawal { Id = paid, RiderId = riderId, AmountFen = 120, IdempotencyKey = "p", Status = WithdrawalStatus.Paid, RequestedAt = now.AddMinutes(-3), CompletedAt = now.AddMinutes(-3), GatewayNote = "1330001" },
                new RiderWithdrawal { Id = failed, RiderId = riderId, AmountFen = 130, IdempotencyKey = "f", Status = WithdrawalStatus.Failed, RequestedAt = now.AddMinutes(-2), CompletedAt = now.AddMinutes(-2), GatewayNote = "PAYEE_ACCOUNT_ABNORMAL" },
                new RiderWithdrawal { Id = pending, RiderId = riderId, AmountFen = 140, IdempotencyKey = "w", Status = WithdrawalStatus.Pending, RequestedAt = now.AddMinutes(-1) });
            await db.SaveChangesAsync();
        }

        var ops = app.Client(TestTokens.Operator());
        var all = (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals"))!;
        var listed = all["withdrawals"]!.AsArray().Select(w => w!).ToList();
        listed.Select(w => w["requestedAt"]!.GetValue<DateTimeOffset>()).ShouldBeInOrder(SortDirection.Descending);
        listed.Where(w => w["riderId"]!.GetValue<Guid>() == riderId).Select(w => w["id"]!.GetValue<Guid>()).ShouldBe(new[] { pending, failed, paid });
        all["pending"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        all["pendingFen"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(140);

        var onlyFailed = (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals?status=failed"))!["withdrawals"]!.AsArray();
        onlyFailed.ShouldAllBe(w => w!["status"]!.GetValue<string>() == "failed");
        onlyFailed.Single(w => w!["id"]!.GetValue<Guid>() == failed)!["failReason"]!.GetValue<string>().ShouldBe("PAYEE_ACCOUNT_ABNORMAL");
        var onlyPaid = (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals?status=PAID"))!["withdrawals"]!.AsArray();
        onlyPaid.ShouldAllBe(w => w!["status"]!.GetValue<string>() == "paid");
        onlyPaid.Single(w => w!["id"]!.GetValue<Guid>() == paid)!["failReason"].ShouldBeNull();
        (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals?status=pending"))!["withdrawals"]!.AsArray()
            .Select(w => w!["id"]!.GetValue<Guid>()).ShouldContain(pending);

        // 加载更多: the console asks for a longer list; More says whether older ones are left.
        var first = (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals?limit=1"))!;
        first["withdrawals"]!.AsArray().Count.ShouldBe(1);
        first["more"]!.GetValue<bool>().ShouldBeTrue();
        var everything = (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals?limit=1000"))!;
        everything["more"]!.GetValue<bool>().ShouldBeFalse();
        everything["withdrawals"]!.AsArray().Select(w => w!["id"]!.GetValue<Guid>()).Take(listed.Count).ShouldBe(
            listed.Select(w => w["id"]!.GetValue<Guid>()), "a longer list starts with the default one");
        (await ops.GetFromJsonAsync<JsonObject>("/api/ops/withdrawals?status=failed&limit=1"))!["withdrawals"]!.AsArray()
            .ShouldAllBe(w => w!["status"]!.GetValue<string>() == "failed");
        await (await ops.GetAsync("/api/ops/withdrawals?limit=0")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");
        await (await ops.GetAsync("/api/ops/withdrawals?limit=1001")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");

        await (await ops.GetAsync("/api/ops/withdrawals?status=lost")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "status");
        await (await ops.GetAsync("/api/ops/withdrawals?status=1")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "status");
        await (await ops.GetAsync("/api/ops/withdrawals?status=pending,paid")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "status");
        (await app.Rider(10).GetAsync("/api/ops/withdrawals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(TestTokens.Customer(1)).GetAsync("/api/ops/withdrawals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client().GetAsync("/api/ops/withdrawals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Rider(10).PostAsync($"/api/ops/withdrawals/{pending}/reconcile", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // No transfer behind it in Payments (its request never got there): nothing to ask the gateway about.
        (await ops.PostAsync($"/api/ops/withdrawals/{pending}/reconcile", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A withdrawal and its transfer still pending, written straight in; with <paramref name="gatewayState"/> the gateway
    /// has finished its bill too (no callback sent), without it the gateway never heard of it. Submitted when it was
    /// requested unless <paramref name="submitted"/> is false.
    /// </summary>
    private async Task<Guid> PendingTransferAsync(Guid riderId, long amountFen, DateTimeOffset requestedAt, string? gatewayState = null, bool submitted = true)
    {
        var id = Guid.NewGuid();
        var openId = RiderTransfer.SandboxOpenIdOf(riderId);
        await using var scope = app.Services.CreateAsyncScope();
        var dispatch = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        dispatch.RiderWithdrawals.Add(new RiderWithdrawal
        {
            Id = id, RiderId = riderId, AmountFen = amountFen, IdempotencyKey = id.ToString("N"), Status = WithdrawalStatus.Pending, RequestedAt = requestedAt,
        });
        await dispatch.SaveChangesAsync();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        payments.RiderTransfers.Add(new RiderTransfer
        {
            Id = id, RiderId = riderId, AmountFen = amountFen, OpenId = openId, RequestedAt = requestedAt, SubmittedAt = submitted ? requestedAt : null,
        });
        if (gatewayState is not null)
        {
            payments.SandboxTransfers.Add(new SandboxTransfer
            {
                OutBillNo = id.ToString("N"), TransferBillNo = "1330" + id.ToString("N"), OpenId = openId, AmountFen = amountFen, State = gatewayState,
                FailReason = gatewayState == "FAIL" ? "PAYEE_ACCOUNT_ABNORMAL" : null, CreatedAt = requestedAt,
            });
        }

        await payments.SaveChangesAsync();
        return id;
    }

    /// <summary>One round of the reconciliation job, as its timer runs it (the clock is the test's: it moves when told).</summary>
    private Task ReconciliationTickAsync() =>
        app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TransferReconciliation>().Single().TickAsync(CancellationToken.None);

    private async Task<string?> WithdrawalNoteAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchDb>().RiderWithdrawals.Where(w => w.Id == id).Select(w => w.GatewayNote).SingleAsync();
    }

    private async Task<SandboxTransfer?> SandboxBillAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentsDb>().SandboxTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.OutBillNo == id.ToString("N"));
    }
}
