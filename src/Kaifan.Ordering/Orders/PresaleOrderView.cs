namespace Kaifan.Ordering.Orders;

/// <summary>
/// A 预售接龙 order's chain and slot: DeliverAt is the slot's start (预售中 · x月x日 HH:mm送达), CutoffAt the last
/// moment to leave, ConfirmedAt when the chain went ahead (已成团 · 确认配送), ReleasedAt when the merchant got it.
/// </summary>
internal sealed record PresaleOrderView(Guid PresaleId, DateTimeOffset DeliverAt, DateTimeOffset CutoffAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? ReleasedAt)
{
    public static PresaleOrderView? Of(Order order) =>
        order is { PresaleId: { } id, PresaleDeliverAt: { } deliverAt, PresaleCutoffAt: { } cutoffAt }
            ? new(id, deliverAt, cutoffAt, order.PresaleConfirmedAt, order.PresaleReleasedAt)
            : null;
}
