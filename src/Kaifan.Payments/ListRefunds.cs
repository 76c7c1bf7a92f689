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
/// <see cref="ListRefunds.AnswerExpectedWithin"/>, which the real gateway rarely takes, or a 异常退款 made that long ago and
/// still not paid; someone should look. Gateway: how
/// the gateway ended an abnormal or closed one (ABNORMAL: 退至商户账户; CLOSED: 重新发起退款), HandledAt when an operator did.
/// </summary>
internal sealed record OpsRefundView(
    Guid Id, Guid OrderId, long AmountFen, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, bool Overdue,
    string? Gateway = null, DateTimeOffset? HandledAt = null)
{
    public static OpsRefundView Of(Refund r, Guid orderId, DateTimeOffset now) => new(
        r.Id, orderId, r.AmountFen, r.Reason, r.Status.ToString().ToLowerInvariant(), r.RequestedAt, r.CompletedAt,
        (r.Status == RefundStatus.Pending && now - r.RequestedAt > ListRefunds.AnswerExpectedWithin) || ApplyAbnormalRefund.MayTryAgain(r, now),
        r.GatewayOutcome, r.HandledAt);
}

/// <summary>Count and the sums are the whole day's, whatever the filter; More says older refunds match beyond those listed.</summary>
internal sealed record OpsRefundsView(
    DateOnly Day, int Count, long RefundedFen, long PendingFen, int Overdue, IReadOnlyList<OpsRefundView> Refunds, bool More);

/// <summary>
/// GET /api/ops/refunds?day=yyyy-MM-dd&amp;status=pending|succeeded|abnormal|closed&amp;limit=200: the money that went back to customers on one Shanghai
/// day (today by default), newest first, with the day's totals (a closed refund not counted: its new one is); status=abnormal
/// lists the stuck ones of every day. Every cause shows: a cancelled or rejected order, an approved refund request, and
/// whatever else asks Payments for a refund.
/// </summary>
internal static class ListRefunds
{
    public static readonly TimeSpan AnswerExpectedWithin = TimeSpan.FromMinutes(30);
    public const int DefaultLimit = 200;

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
                return Problems.Validation("status", "状态应为 pending、succeeded、abnormal 或 closed (status must be pending, succeeded, abnormal or closed)");
            }

            wanted = parsed;
        }

        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var start = ChinaTime.StartOf(shanghaiDay);
        var end = start.AddDays(1);
        var views = await ViewsAsync(db, db.Refunds.Where(r => r.RequestedAt >= start && r.RequestedAt < end), now, ct);

        // Stuck refunds are work still to do, whichever day they were asked for: the abnormal filter lists them all.
        var listed = wanted == RefundStatus.Abnormal ? await ViewsAsync(db, db.Refunds.Where(r => r.Status == RefundStatus.Abnormal), now, ct) : views;
        var matching = listed
            .Where(v => wanted is null || v.Status == wanted.Value.ToString().ToLowerInvariant())
            .OrderByDescending(v => v.RequestedAt).ThenByDescending(v => v.Id)
            .ToList();
        var shown = matching.Take(limit ?? DefaultLimit).ToList();
        return Results.Ok(new OpsRefundsView(
            shanghaiDay,
            views.Count(v => v.Status != "closed"),
            views.Where(v => v.Status == "succeeded").Sum(v => v.AmountFen),
            views.Where(v => v.Status == "pending").Sum(v => v.AmountFen),
            views.Count(v => v.Overdue),
            shown,
            matching.Count > shown.Count));
    }

    private static async Task<List<OpsRefundView>> ViewsAsync(PaymentsDb db, IQueryable<Refund> refunds, DateTimeOffset now, CancellationToken ct) =>
        (await refunds.AsNoTracking()
            .Join(db.Intents, r => r.PaymentId, p => p.Id, (r, p) => new { Refund = r, p.OrderId })
            .ToListAsync(ct))
        .Select(x => OpsRefundView.Of(x.Refund, x.OrderId, now))
        .ToList();

    /// <summary>One refund's row, as an operator's action left it.</summary>
    public static async Task<OpsRefundView> ViewOfAsync(PaymentsDb db, Refund refund, DateTimeOffset now, CancellationToken ct) =>
        OpsRefundView.Of(refund, await db.Intents.Where(p => p.Id == refund.PaymentId).Select(p => p.OrderId).SingleAsync(ct), now);
}
