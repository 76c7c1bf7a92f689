using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Events;
using Kaifan.Dispatch.Riders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Dispatch.Wallet;

/// <summary>
/// POST /api/rider/withdrawals {amountFen}: 提现 of the rider's settled earnings to their WeChat change, once per
/// Idempotency-Key. At least the minimum, at most the balance, at most so many a Shanghai day; the amount is held back at
/// once and Payments is asked to transfer it.
/// </summary>
internal static class RequestWithdrawal
{
    public const string KeyHeader = "Idempotency-Key";

    internal sealed record Request(long AmountFen);

    public static void Map(RouteGroupBuilder rider) =>
        rider.MapPost("/withdrawals", HandleAsync)
            .Produces<WithdrawalView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        Request request,
        [FromHeader(Name = KeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        IDbContextOutbox<DispatchDb> outbox,
        WalletSettings settings,
        TimeProvider clock,
        CancellationToken ct)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 64)
        {
            return Problems.Validation(KeyHeader, "需要 Idempotency-Key 请求头，最长64个字符 (the Idempotency-Key header is required, at most 64 characters)");
        }

        if (request.AmountFen < settings.MinWithdrawalFen)
        {
            return Problems.Validation("amountFen", $"单笔提现至少 ¥{Kaifan.Contracts.Fen.ToYuan(settings.MinWithdrawalFen)} (amountFen is at least {settings.MinWithdrawalFen})");
        }

        // Two withdrawals at once would each see the whole balance: the rider's row, locked first (a no-op update), lets
        // them through one at a time, so each balance counts the withdrawals committed before it.
        var db = outbox.DbContext;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Riders.Where(r => r.RiderId == riderId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Capacity, r => r.Capacity), ct) == 0)
        {
            return RiderRoutes.NoRider();
        }

        var earlier = await db.RiderWithdrawals.AsNoTracking().SingleOrDefaultAsync(w => w.RiderId == riderId && w.IdempotencyKey == idempotencyKey, ct);
        if (earlier is not null)
        {
            return earlier.AmountFen == request.AmountFen
                ? Results.Created("/api/rider/wallet", WithdrawalView.Of(earlier))
                : Problems.Unprocessable("Idempotency-Key 已用于另一个请求 (this key was used for a different request)", KeyHeader);
        }

        var balance = await RiderWallet.BalanceAsync(db, riderId, now, ct);
        if (balance.WithdrawalsToday >= settings.MaxWithdrawalsPerDay)
        {
            return Problems.Conflict($"今日提现次数已用完，每天最多{settings.MaxWithdrawalsPerDay}次 (at most {settings.MaxWithdrawalsPerDay} withdrawals a day)", "withdrawalsToday");
        }

        if (request.AmountFen > balance.AvailableFen)
        {
            return Problems.Unprocessable($"超出可提现余额 ¥{Kaifan.Contracts.Fen.ToYuan(balance.AvailableFen)} (amountFen is above the available balance)", "amountFen");
        }

        var withdrawal = new RiderWithdrawal
        {
            Id = Guid.CreateVersion7(now),
            RiderId = riderId,
            AmountFen = request.AmountFen,
            IdempotencyKey = idempotencyKey,
            Status = WithdrawalStatus.Pending,
            RequestedAt = now,
        };
        db.RiderWithdrawals.Add(withdrawal);
        await outbox.PublishAsync(new RiderWithdrawalRequested(withdrawal.Id, riderId, withdrawal.AmountFen, now));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Created("/api/rider/wallet", WithdrawalView.Of(withdrawal));
    }
}
