using System.Globalization;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// One refund as the station's operator sees it. Overdue: still waiting for the gateway's answer after
/// <see cref="ListRefunds.AnswerExpectedWithin"/>, which the real gateway rarely takes; someone should look.
/// </summary>
internal sealed record OpsRefundView(
    Guid Id, Guid OrderId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, bool Overdue);

/// <summary>Count and the sums are the whole day's, whatever the filter; More says older refunds match beyond those listed.</summary>
internal sealed record OpsRefundsView(
    DateOnly Day, int Count, long RefundedFen, long PendingFen, int Overdue, IReadOnlyList<OpsRefundView> Refunds, bool More);

/// <summary>
/// GET /api/ops/refunds?day=yyyy-MM-dd&amp;status=pending|succeeded|abnormal&amp;limit=200: the money that went back to customers on one Shanghai
/// day (today by default), newest first, with the day's totals. Every cause shows: a cancelled or rejected order,
/// an approved refund request, and whatever else asks Payments for a refund.
/// </summary>
internal static class ListRefunds
{
    public static readonly TimeSpan AnswerExpectedWithin = TimeSpan.FromMinutes(30);
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1_000;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/refunds", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Payments")
            .WithSummary("退款流水 (refunds of a day)")
            .Produces<OpsRefundsView>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? day, string? status, int? limit, PaymentsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var shanghaiDay = ChinaTime.DayOf(now);
        if (!string.IsNullOrEmpty(day) && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out shanghaiDay))
        {
            return Problems.Validation("day", "日期格式应为 yyyy-MM-dd (day must be yyyy-MM-dd)");
        }

        RefundStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<RefundStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return Problems.Validation("status", "状态应为 pending、succeeded 或 abnormal (status must be pending, succeeded or abnormal)");
            }

            wanted = parsed;
        }

        if (ListLimit.Refusal(limit, MaxLimit) is { } refused)
        {
            return refused;
        }

        var start = ChinaTime.StartOf(shanghaiDay);
        var end = start.AddDays(1);
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => r.RequestedAt >= start && r.RequestedAt < end)
            .Join(db.Intents, r => r.PaymentId, p => p.Id, (r, p) => new { Refund = r, p.OrderId })
            .ToListAsync(ct);

        var views = refunds
            .Select(x => new OpsRefundView(
                x.Refund.Id, x.OrderId, x.Refund.AmountFen, x.Refund.Reason, x.Refund.Status.ToString().ToLowerInvariant(),
                x.Refund.RequestedAt, x.Refund.CompletedAt,
                x.Refund.Status == RefundStatus.Pending && now - x.Refund.RequestedAt > AnswerExpectedWithin))
            .ToList();
        var matching = views
            .Where(v => wanted is null || v.Status == wanted.Value.ToString().ToLowerInvariant())
            .OrderByDescending(v => v.RequestedAt).ThenByDescending(v => v.Id)
            .ToList();
        var shown = matching.Take(limit ?? DefaultLimit).ToList();
        return Results.Ok(new OpsRefundsView(
            shanghaiDay,
            views.Count,
            views.Where(v => v.Status == "succeeded").Sum(v => v.AmountFen),
            views.Where(v => v.Status == "pending").Sum(v => v.AmountFen),
            views.Count(v => v.Overdue),
            shown,
            matching.Count > shown.Count));
    }
}
