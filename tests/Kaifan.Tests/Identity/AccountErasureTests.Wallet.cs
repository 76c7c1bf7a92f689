using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Payments;
using Kaifan.Payments.Wallet;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

/// <summary>Money left in the 余额 is the customer's: it is in their data export, and 注销 waits until it is spent or went back to WeChat.</summary>
public abstract partial class AccountErasureTests
{
    private const int Saver = 5;

    [Fact]
    public async Task a_customer_with_money_in_the_balance_is_refused_erasure_until_it_went_back_to_wechat_and_a_top_up_paid_after_erasure_goes_back_too()
    {
        var client = app.Client(TestTokens.Customer(Saver));
        var topUpId = await WalletKit.TopUpAsync(app, Saver, 1_250);

        var export = (await client.GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["wallet"]!;
        export["balanceFen"]!.GetValue<long>().ShouldBe(1_250);
        var entry = export["entries"]!.AsArray().ShouldHaveSingleItem()!;
        entry["kind"]!.GetValue<string>().ShouldBe("topUp");
        entry["amountFen"]!.GetValue<long>().ShouldBe(1_250);
        entry["sourceId"]!.GetValue<Guid>().ShouldBe(topUpId);
        export["topUps"]!.AsArray().ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("Credited");

        var refused = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });

        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "balance");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("12.5");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WalletKit.BalanceAsync(app, Saver)).ShouldBe(1_250);

        (await WalletKit.RefundAsync(app, Saver, null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WalletKit.RefundsSettledAsync(app, Saver);
        var refunded = (await client.GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["wallet"]!;
        var part = refunded["refunds"]!.AsArray().ShouldHaveSingleItem()!;
        (part["topUpId"]!.GetValue<Guid>(), part["amountFen"]!.GetValue<long>(), part["status"]!.GetValue<string>()).ShouldBe((topUpId, 1_250L, "Succeeded"));
        refunded["entries"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ShouldBe(["topUp", "withdrawal"]);

        // A top-up left unpaid holds the account until it expires; paid after the account is gone, it goes back to the payer.
        var late = (await (await client.PostAsJsonAsync("/api/me/wallet/top-ups", new { amountFen = 800 })).Content.ReadFromJsonAsync<JsonNode>())!;
        var lateId = late["topUpId"]!.GetValue<Guid>();
        await (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "payments");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var past = app.Clock.GetUtcNow().AddSeconds(-1);
            await scope.ServiceProvider.GetRequiredService<PaymentsDb>().TopUps.Where(t => t.Id == lateId).ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, past));
        }

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Client().PostAsync(late["payUrl"]!.GetValue<string>(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WalletKit.SandboxRefundedAsync(app, lateId, 800);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
            (await db.TopUps.SingleAsync(t => t.Id == lateId)).Status.ShouldBe(TopUpStatus.Returned);
            var wallet = await db.Wallets.SingleAsync(w => w.CustomerId == DemoCampus.CustomerId(Saver));
            (wallet.BalanceFen, wallet.ClosedAt is null).ShouldBe((0L, false));
        }
    }
}
