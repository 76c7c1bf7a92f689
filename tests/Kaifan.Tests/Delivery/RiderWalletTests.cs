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

/// <summary>
/// 提现: the balance is yesterday's and older earnings (T+1) less what was withdrawn and not failed; a withdrawal travels
/// to the sandbox gateway's 商家转账 and back through its signed callback. Each test has its own rider, so balances never mix.
/// </summary>
public abstract class RiderWalletTests(LunchtimeApp app)
{
    private readonly ForgedNotifications notifications = new(app);

    private WalletSettings Settings => app.Services.GetRequiredService<WalletSettings>();

    private DateTimeOffset Yesterday => app.Clock.GetUtcNow().AddDays(-1);

    [Fact]
    public async Task todays_earnings_wait_as_pending_and_become_withdrawable_at_the_start_of_the_next_shanghai_day()
    {
        const int rider = 1;
        await EarnAsync(rider, 1_000, Yesterday);
        await EarnAsync(rider, 650, app.Clock.GetUtcNow());

        var wallet = await WalletAsync(rider);
        Fen(wallet, "availableFen").ShouldBe(1_000);
        Fen(wallet, "pendingFen").ShouldBe(650);
        Fen(wallet, "minWithdrawalFen").ShouldBe(Settings.MinWithdrawalFen);
        wallet["withdrawalsLeftToday"]!.GetValue<int>().ShouldBe(Settings.MaxWithdrawalsPerDay);

        // A minute before Shanghai midnight today's earning still waits; at midnight it settles.
        var midnight = ChinaTime.StartOfDay(app.Clock.GetUtcNow()).AddDays(1);
        app.Clock.SetUtcNow(midnight.AddMinutes(-1));
        Fen(await WalletAsync(rider), "pendingFen").ShouldBe(650);
        app.Clock.SetUtcNow(midnight);
        wallet = await WalletAsync(rider);
        Fen(wallet, "availableFen").ShouldBe(1_650);
        Fen(wallet, "pendingFen").ShouldBe(0);
        (await WithdrawAsync(rider, 1_650)).StatusCode.ShouldBe(HttpStatusCode.Created);
        Fen(await WalletAsync(rider), "availableFen").ShouldBe(0);
    }

    [Fact]
    public async Task a_missing_key_too_little_too_much_and_a_fourth_withdrawal_today_are_refused_naming_the_field_and_change_nothing()
    {
        const int rider = 2;
        await EarnAsync(rider, 1_000, Yesterday);

        var noKey = await app.Rider(rider).PostAsJsonAsync("/api/rider/withdrawals", new { amountFen = 200 });
        await noKey.ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        await (await WithdrawAsync(rider, Settings.MinWithdrawalFen - 1)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "amountFen");
        await (await WithdrawAsync(rider, 1_001)).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "amountFen");
        (await WithdrawalsInDbAsync(rider)).ShouldBe(0);
        Fen(await WalletAsync(rider), "availableFen").ShouldBe(1_000);

        for (var i = 0; i < Settings.MaxWithdrawalsPerDay; i++)
        {
            (await WithdrawAsync(rider, 100)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var before = await WalletAsync(rider);
        before["withdrawalsLeftToday"]!.GetValue<int>().ShouldBe(0);
        await (await WithdrawAsync(rider, 100)).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "withdrawalsToday");
        (await WithdrawalsInDbAsync(rider)).ShouldBe(Settings.MaxWithdrawalsPerDay);
        Fen(await WalletAsync(rider), "availableFen").ShouldBe(Fen(before, "availableFen"));

        (await app.Client(TestTokens.Customer(1)).GetAsync("/api/rider/wallet")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task parallel_withdrawals_never_take_more_than_the_balance()
    {
        const int rider = 3;
        await EarnAsync(rider, 1_000, Yesterday);

        // Ten at once of ¥4 from ¥10: two fit, whatever order they arrive in.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => WithdrawAsync(rider, 400)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.UnprocessableEntity);
        (await WithdrawalsInDbAsync(rider)).ShouldBe(2);
        Fen(await WalletAsync(rider), "availableFen").ShouldBe(200);
    }

    [Fact]
    public async Task a_withdrawal_is_paid_through_the_gateway_once_and_a_repeated_or_contrary_callback_changes_nothing()
    {
        const int rider = 4;
        await EarnAsync(rider, 1_000, Yesterday);
        var created = await WithdrawAsync(rider, 600);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var withdrawal = await JsonOf(created);
        withdrawal["status"]!.GetValue<string>().ShouldBe("Pending");
        var id = withdrawal["id"]!.GetValue<Guid>();
        Fen(await WalletAsync(rider), "availableFen").ShouldBe(400);

        var paid = await SettledAsync(rider, id);
        paid["status"]!.GetValue<string>().ShouldBe("Paid");
        paid["completedAt"].ShouldNotBeNull();
        var (transfer, sandbox) = await TransferAsync(id);
        transfer.Status.ShouldBe(TransferStatus.Succeeded);
        transfer.SubmittedAt.ShouldNotBeNull();
        transfer.Version.ShouldBe(2, "claimed once by its submission, settled once");
        sandbox.AmountFen.ShouldBe(600);

        // The same news twice at once, and a late FAIL for the same bill: each is acknowledged, none moves anything.
        var copies = await Task.WhenAll(
            SendAsync(notifications.TransferBody(id, 600, transfer.OpenId, "SUCCESS")),
            SendAsync(notifications.TransferBody(id, 600, transfer.OpenId, "SUCCESS")),
            SendAsync(notifications.TransferBody(id, 600, transfer.OpenId, "FAIL", "PAYEE_ACCOUNT_ABNORMAL")));
        copies.ShouldAllBe(c => c == HttpStatusCode.OK);
        (await TransferAsync(id)).Transfer.Version.ShouldBe(2);
        var wallet = await WalletAsync(rider);
        Fen(wallet, "availableFen").ShouldBe(400);
        wallet["withdrawals"]!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("Paid");

        // A callback that does not match the transfer is refused.
        (await SendAsync(notifications.TransferBody(id, 601, transfer.OpenId, "SUCCESS"))).ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task racing_success_and_failure_callbacks_settle_a_pending_transfer_once_and_the_wallet_agrees_with_payments()
    {
        var riderId = DemoCampus.RiderId(7);
        for (var round = 0; round < 5; round++)
        {
            // A transfer still waiting for its gateway: written straight in, so no sandbox callback races these.
            var id = await PendingTransferAsync(riderId, 100, app.Clock.GetUtcNow());
            var openId = RiderTransfer.SandboxOpenIdOf(riderId);

            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                SendAsync(i % 2 == 0 ? notifications.TransferBody(id, 100, openId, "SUCCESS") : notifications.TransferBody(id, 100, openId, "FAIL", "PAYEE_ACCOUNT_ABNORMAL"))));
            answers.ShouldAllBe(a => a == HttpStatusCode.OK);

            var transfer = await PaymentsTransferAsync(id);
            transfer.Version.ShouldBe(1, "one callback finished the transfer");
            var expected = transfer.Status == TransferStatus.Succeeded ? WithdrawalStatus.Paid : WithdrawalStatus.Failed;
            await PaymentProbe.EventuallyAsync(async () => await WithdrawalStatusAsync(id) != WithdrawalStatus.Pending, "the outcome reaches the wallet");
            (await WithdrawalStatusAsync(id)).ShouldBe(expected, "the wallet says what Payments says");
        }
    }

    [Fact]
    public async Task a_failed_transfer_returns_the_money_and_the_days_turn_to_the_balance()
    {
        const int rider = 5;
        await EarnAsync(rider, 1_000, Yesterday);
        var failing = app.Services.GetRequiredService<SandboxKeys>().FailingTransferFen;
        var created = await WithdrawAsync(rider, failing);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await JsonOf(created))["id"]!.GetValue<Guid>();

        (await SettledAsync(rider, id))["status"]!.GetValue<string>().ShouldBe("Failed");
        (await TransferAsync(id)).Transfer.FailReason.ShouldBe("PAYEE_ACCOUNT_ABNORMAL");
        var wallet = await WalletAsync(rider);
        Fen(wallet, "availableFen").ShouldBe(1_000);
        wallet["withdrawalsLeftToday"]!.GetValue<int>().ShouldBe(Settings.MaxWithdrawalsPerDay);
        (await WithdrawAsync(rider, 1_000)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_retry_with_the_same_key_answers_the_same_withdrawal_even_at_once_and_a_changed_amount_is_refused()
    {
        const int rider = 6;
        await EarnAsync(rider, 1_000, Yesterday);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => WithdrawAsync(rider, 300, key)));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(answers.Select(async a => (await JsonOf(a))["id"]!.GetValue<Guid>()));
        ids.Distinct().Count().ShouldBe(1);

        var retried = await WithdrawAsync(rider, 300, key);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await JsonOf(retried))["id"]!.GetValue<Guid>().ShouldBe(ids[0]);
        await (await WithdrawAsync(rider, 500, key)).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");

        (await WithdrawalsInDbAsync(rider)).ShouldBe(1);
        Fen(await WalletAsync(rider), "availableFen").ShouldBe(700);
    }

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
    public async Task the_ops_list_shows_all_riders_withdrawals_newest_first_filters_by_status_and_is_for_operators_only()
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

    private async Task EarnAsync(int rider, long fen, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        db.RiderEarnings.Add(new RiderEarning
        {
            OrderId = Guid.NewGuid(), RiderId = DemoCampus.RiderId(rider), OrderNumber = "T", ZoneId = DeliveryKit.EastZone, DeliveredAt = at,
            BaseFen = fen, TotalFen = fen,
        });
        await db.SaveChangesAsync();
    }

    private Task<HttpResponseMessage> WithdrawAsync(int rider, long amountFen, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/rider/withdrawals") { Content = JsonContent.Create(new { amountFen }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return app.Rider(rider).SendAsync(request);
    }

    private async Task<JsonNode> WalletAsync(int rider)
    {
        var response = await app.Rider(rider).GetAsync("/api/rider/wallet");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    /// <summary>Waits for the gateway's answer to reach the rider's list and returns the withdrawal as listed.</summary>
    private async Task<JsonNode> SettledAsync(int rider, Guid id)
    {
        JsonNode? listed = null;
        await PaymentProbe.EventuallyAsync(
            async () => (listed = (await WalletAsync(rider))["withdrawals"]!.AsArray().Single(w => w!["id"]!.GetValue<Guid>() == id))!["status"]!.GetValue<string>() != "Pending",
            "the gateway's callback settles the withdrawal");
        return listed!;
    }

    private async Task<(RiderTransfer Transfer, SandboxTransfer Sandbox)> TransferAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var transfer = await db.RiderTransfers.AsNoTracking().SingleAsync(t => t.Id == id);
        return (transfer, await db.SandboxTransfers.AsNoTracking().SingleAsync(t => t.OutBillNo == transfer.OutBillNo));
    }

    private async Task<RiderTransfer> PaymentsTransferAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentsDb>().RiderTransfers.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    private async Task<WithdrawalStatus> WithdrawalStatusAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchDb>().RiderWithdrawals.Where(w => w.Id == id).Select(w => w.Status).SingleAsync();
    }

    private async Task<HttpStatusCode> SendAsync(byte[] body)
    {
        using var response = await app.Client().SendAsync(notifications.Request(ForgedNotifications.TransferPath, body));
        return response.StatusCode;
    }

    private async Task<int> WithdrawalsInDbAsync(int rider)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var riderId = DemoCampus.RiderId(rider);
        return await scope.ServiceProvider.GetRequiredService<DispatchDb>().RiderWithdrawals.CountAsync(w => w.RiderId == riderId);
    }

    private static long Fen(JsonNode node, string field) => node[field]!.GetValue<long>();

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}

public sealed class RiderWalletOnSqlite(LunchtimeSqliteApp app) : RiderWalletTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class RiderWalletOnPostgres(LunchtimePostgresApp app) : RiderWalletTests(app), IClassFixture<LunchtimePostgresApp>;
