using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Payments.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

/// <summary>A top-up as its customer sees it; payUrl is where the wallet app confirms it (the sandbox), as for orders.</summary>
internal sealed record TopUpView(Guid TopUpId, long AmountFen, string Status, string PayUrl, DateTimeOffset CreatedAt, DateTimeOffset? CreditedAt)
{
    public static TopUpView Of(WalletTopUp t) =>
        new(t.Id, t.AmountFen, t.Status.ToString(), $"/sandbox/pay/{t.GatewayPrepayId}", t.CreatedAt, t.CreditedAt);
}

/// <summary>
/// POST /api/me/wallet/top-ups {amountFen}: 充值 of ¥0.01..¥500, paid through the gateway (微信支付) like an order;
/// the balance grows when the gateway's signed callback arrives, not before. Its end is scheduled with it, durably.
/// </summary>
internal static class TopUpWallet
{
    public const long MaxFen = 50_000;

    internal sealed record Request(long AmountFen);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(r => r.AmountFen)
                .InclusiveBetween(1, MaxFen)
                .WithMessage($"单次充值 ¥0.01 到 ¥{Fen.ToYuan(MaxFen)} (amountFen must be 1..{MaxFen})");
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/me/wallet/top-ups", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Payments")
            .WithSummary("余额充值 (top up the balance)")
            .Produces<TopUpView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        Request request, ClaimsPrincipal user, IDbContextOutbox<PaymentsDb> outbox, SandboxGateway gateway, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var topUpId = Guid.CreateVersion7(now);
        var prepayId = await gateway.CreatePrepayAsync(topUpId.ToString("N"), request.AmountFen, "开饭余额充值 (Kaifan balance top-up)", PaymentNotifications.TopUpPath, ct);
        var topUp = new WalletTopUp
        {
            Id = topUpId,
            CustomerId = user.UserId(),
            AmountFen = request.AmountFen,
            Status = TopUpStatus.Pending,
            GatewayPrepayId = prepayId,
            CreatedAt = now,
            ExpiresAt = now + CreatePayment.Lifetime,
        };
        outbox.DbContext.TopUps.Add(topUp);
        await outbox.ScheduleAsync(new TopUpExpires(topUp.Id), CreatePayment.Lifetime);
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Created("/api/me/wallet", TopUpView.Of(topUp));
    }
}
