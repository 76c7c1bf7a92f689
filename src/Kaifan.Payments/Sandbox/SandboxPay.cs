using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Sandbox;

/// <summary>
/// POST /sandbox/pay/{prepayId}: stands for the customer confirming the payment in the WeChat app. The gateway
/// marks its transaction paid once and owes the merchant a signed TRANSACTION.SUCCESS callback.
/// </summary>
internal static class SandboxPay
{
    internal sealed record SandboxPayResponse(string PrepayId, string TradeState, string? TransactionId);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/sandbox/pay/{prepayId}", Handle)
            .AllowAnonymous()
            .WithTags("Sandbox gateway")
            .WithSummary("沙箱支付确认 (sandbox: the customer confirms the payment in the wallet app)")
            .Produces<SandboxPayResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Handle(string prepayId, IDbContextOutbox<PaymentsDb> outbox, SandboxKeys keys, TimeProvider clock, CancellationToken ct)
    {
        if (prepayId.Length > 64)
        {
            return Problems.NotFound("预支付交易 (prepay)");
        }

        var transaction = await outbox.DbContext.SandboxTransactions.FirstOrDefaultAsync(t => t.PrepayId == prepayId, ct);
        if (transaction is null)
        {
            return Problems.NotFound("预支付交易 (prepay)");
        }

        if (transaction.State == SandboxTradeState.NotPay)
        {
            var now = clock.GetUtcNow();
            transaction.State = SandboxTradeState.Success;
            transaction.TransactionId = "4200" + SandboxGateway.Digits(24);
            transaction.PaidAt = now;
            transaction.Version++;
            await SandboxNotifications.QueueAsync(outbox, keys, transaction.NotifyPath, SandboxNotifications.PaymentSucceeded(keys, transaction, now));
            try
            {
                await outbox.SaveChangesAndFlushMessagesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A parallel confirmation won and owes the callback; answer with what it stored.
                await outbox.DbContext.Entry(transaction).ReloadAsync(ct);
            }
        }

        return Results.Ok(new SandboxPayResponse(transaction.PrepayId, TradeStateName(transaction.State), transaction.TransactionId));
    }

    private static string TradeStateName(SandboxTradeState state) => state switch
    {
        SandboxTradeState.NotPay => "NOTPAY",
        SandboxTradeState.Success => "SUCCESS",
        _ => "REFUND",
    };
}
