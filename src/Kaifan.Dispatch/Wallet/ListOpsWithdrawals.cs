using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Wallet;

/// <summary>
/// One rider's 提现 as the station sees it. Status: pending (处理中), paid (已到账) or failed (失败, the amount back in the
/// rider's balance, FailReason the gateway's). Ids only: the console masks the rider's name and phone from Identity.
/// </summary>
internal sealed record OpsWithdrawalView(
    Guid Id, Guid RiderId, long AmountFen, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, string? FailReason);

/// <summary>
/// Pending and PendingFen count every withdrawal still 处理中, whatever the filter; More says older ones match beyond
/// those listed.
/// </summary>
internal sealed record OpsWithdrawalsView(int Pending, long PendingFen, IReadOnlyList<OpsWithdrawalView> Withdrawals, bool More);

/// <summary>
/// GET /api/ops/withdrawals?status=pending|paid|failed&amp;limit=50: the latest withdrawals of all riders, newest first. The
/// console asks for a longer list to show more (加载更多), so its rereads keep what it shows.
/// </summary>
internal static class ListOpsWithdrawals
{
    public const int DefaultLimit = 50;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/withdrawals", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops riders")
            .WithSummary("提现记录 (riders' withdrawals)")
            .Produces<OpsWithdrawalsView>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? status, int? limit, DispatchDb db, CancellationToken ct)
    {
        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var shown = db.RiderWithdrawals.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            WithdrawalStatus? wanted = status.ToLowerInvariant() switch
            {
                "pending" => WithdrawalStatus.Pending,
                "paid" => WithdrawalStatus.Paid,
                "failed" => WithdrawalStatus.Failed,
                _ => null,
            };
            if (wanted is not { } only)
            {
                return Problems.Validation("status", "状态应为 pending、paid 或 failed (status must be pending, paid or failed)");
            }

            shown = shown.Where(w => w.Status == only);
        }

        var (withdrawals, more) = await shown
            .OrderByDescending(w => w.RequestedAt).ThenByDescending(w => w.Id)
            .TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        var pending = db.RiderWithdrawals.Where(w => w.Status == WithdrawalStatus.Pending);
        return Results.Ok(new OpsWithdrawalsView(
            await pending.CountAsync(ct),
            await pending.SumAsync(w => w.AmountFen, ct),
            withdrawals.Select(w => new OpsWithdrawalView(
                w.Id, w.RiderId, w.AmountFen, w.Status.ToString().ToLowerInvariant(), w.RequestedAt, w.CompletedAt,
                w.Status == WithdrawalStatus.Failed ? w.GatewayNote : null)).ToList(),
            more));
    }
}
