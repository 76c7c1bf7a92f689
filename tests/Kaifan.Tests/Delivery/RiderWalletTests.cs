using System.Net;
using System.Net.Http.Json;
using System.Text;
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
public abstract partial class RiderWalletTests(LunchtimeApp app)
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

    [Fact]
    public async Task a_query_value_that_is_no_number_is_refused_naming_it_and_a_body_that_is_no_json_naming_body()
    {
        const int rider = 10;
        await EarnAsync(rider, 1_000, Yesterday);
        var before = (await WalletAsync(rider)).ToJsonString();

        await (await app.Client(TestTokens.Operator()).GetAsync("/api/ops/withdrawals?limit=abc")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "limit");
        var notJson = new HttpRequestMessage(HttpMethod.Post, "/api/rider/withdrawals") { Content = new StringContent("amountFen=500", Encoding.UTF8, "application/json") };
        notJson.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await app.Rider(rider).SendAsync(notJson)).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "body");

        (await WalletAsync(rider)).ToJsonString().ShouldBe(before);
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
