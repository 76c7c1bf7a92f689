using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace Kaifan.Tracking.Live;

/// <summary>
/// Refund requests on /hubs/ops (`orderRefund`, <see cref="RefundNotice"/>) to the shop's consoles: a new one rings the
/// board, an answer (同意, 拒绝 or the automatic approval) tells every open board to stop.
/// </summary>
public interface IRefundNotices
{
    Task SendAsync(Guid merchantId, RefundNotice notice, CancellationToken ct);
}

internal sealed class RefundNotices(IHubContext<OpsHub> hub) : IRefundNotices
{
    public Task SendAsync(Guid merchantId, RefundNotice notice, CancellationToken ct) =>
        hub.Clients.Group(OpsHub.MerchantGroup(merchantId)).SendAsync("orderRefund", notice, ct);
}

/// <summary>What the board hears: State is requested, approved or rejected; it re-reads the order, so a repeat does no harm.</summary>
public sealed record RefundNotice(Guid OrderId, Guid RequestId, string State, DateTimeOffset At);

public static class RefundNoticeHandler
{
    public static Task Handle(RefundRequested e, IRefundNotices notices, CancellationToken ct) =>
        notices.SendAsync(e.MerchantId, new RefundNotice(e.OrderId, e.RequestId, "requested", e.RequestedAt), ct);

    public static Task Handle(RefundRequestApproved e, IRefundNotices notices, CancellationToken ct) =>
        notices.SendAsync(e.MerchantId, new RefundNotice(e.OrderId, e.RequestId, "approved", e.ApprovedAt), ct);

    public static Task Handle(RefundRequestRejected e, IRefundNotices notices, CancellationToken ct) =>
        notices.SendAsync(e.MerchantId, new RefundNotice(e.OrderId, e.RequestId, "rejected", e.RejectedAt), ct);
}
