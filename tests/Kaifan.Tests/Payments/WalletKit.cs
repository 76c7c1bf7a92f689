using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Payments;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>The customer's 余额 through the public API: top-ups paid in the sandbox, as the H5 does, and the balance.</summary>
internal static class WalletKit
{
    public static async Task<long> BalanceAsync(KaifanApp app, int customer) =>
        (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("balanceFen").GetInt64();

    /// <summary>Starts a top-up and pays it in the sandbox; waits until the gateway's callback has credited it.</summary>
    public static async Task<Guid> TopUpAsync(KaifanApp app, int customer, long amountFen)
    {
        var before = await BalanceAsync(app, customer);
        var response = await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync("/api/me/wallet/top-ups", new { amountFen });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var topUp = await response.Content.ReadFromJsonAsync<JsonElement>();
        (await app.Client().PostAsync(topUp.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await BalanceAsync(app, customer) == before + amountFen, "top-up credited");
        return topUp.GetProperty("topUpId").GetGuid();
    }

    public static Task<HttpResponseMessage> PayAsync(KaifanApp app, Guid orderId, int customer) =>
        app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "balance" });

    /// <summary>余额退回 of amountFen, or of everything when null.</summary>
    public static Task<HttpResponseMessage> RefundAsync(KaifanApp app, int customer, long? amountFen) =>
        app.Client(TestTokens.Customer(customer)).PostAsJsonAsync("/api/me/wallet/refunds", amountFen is null ? new { } : (object)new { amountFen });

    /// <summary>Waits until no part of a 余额退回 is still waiting for the gateway's answer.</summary>
    public static Task RefundsSettledAsync(KaifanApp app, int customer) =>
        PaymentProbe.EventuallyAsync(
            async () => (await app.Client(TestTokens.Customer(customer)).GetFromJsonAsync<JsonElement>("/api/me/wallet")).GetProperty("refundingFen").GetInt64() == 0,
            "balance refunds answered");

    /// <summary>Waits until the sandbox gateway has refunded a top-up's trade, and checks it did so once, whole.</summary>
    public static async Task SandboxRefundedAsync(KaifanApp app, Guid topUpId, long amountFen)
    {
        var trade = topUpId.ToString("N");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        await PaymentProbe.EventuallyAsync(() => db.SandboxRefunds.AnyAsync(r => r.OutTradeNo == trade), "the gateway refunded the top-up");
        (await db.SandboxRefunds.Where(r => r.OutTradeNo == trade).Select(r => r.AmountFen).ToListAsync()).ShouldBe([amountFen]);
    }
}
