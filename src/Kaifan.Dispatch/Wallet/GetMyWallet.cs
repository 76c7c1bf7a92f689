using System.Security.Claims;
using Kaifan.Dispatch.Riders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Wallet;

/// <summary>Status: Pending (处理中), Paid (已到账) or Failed (失败, the amount back in the balance).</summary>
internal sealed record WithdrawalView(Guid Id, long AmountFen, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt)
{
    public static WithdrawalView Of(RiderWithdrawal w) => new(w.Id, w.AmountFen, w.Status.ToString(), w.RequestedAt, w.CompletedAt);
}

/// <summary>可提现 (AvailableFen), 待结算 (PendingFen), the rules, and the latest withdrawals newest first.</summary>
internal sealed record WalletView(
    long AvailableFen, long PendingFen, long MinWithdrawalFen, int WithdrawalsLeftToday, IReadOnlyList<WithdrawalView> Withdrawals);

/// <summary>GET /api/rider/wallet: the signed-in rider's balance under T+1 settlement and their last 20 withdrawals.</summary>
internal static class GetMyWallet
{
    private const int Latest = 20;

    public static void Map(RouteGroupBuilder rider) =>
        rider.MapGet("/wallet", HandleAsync).Produces<WalletView>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, DispatchDb db, WalletSettings settings, TimeProvider clock, CancellationToken ct)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        // The list before the balance: two reads are two snapshots, and a withdrawal that settles between them must not
        // show as 失败(已退回) beside a balance without its money, where the app, seeing nothing pending, would stop reading.
        var withdrawals = await db.RiderWithdrawals.AsNoTracking().Where(w => w.RiderId == riderId)
            .OrderByDescending(w => w.RequestedAt).ThenByDescending(w => w.Id).Take(Latest).ToListAsync(ct);
        var balance = await RiderWallet.BalanceAsync(db, riderId, clock.GetUtcNow(), ct);
        return Results.Ok(new WalletView(
            balance.AvailableFen, balance.PendingFen, settings.MinWithdrawalFen, Math.Max(0, settings.MaxWithdrawalsPerDay - balance.WithdrawalsToday),
            withdrawals.Select(WithdrawalView.Of).ToList()));
    }
}
