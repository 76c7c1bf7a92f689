namespace Kaifan.Ordering.Orders;

/// <summary>
/// An order's 催单: how often (Count of MaxCount) and when last; who heard the last one; whether the shop's alert rings
/// for it (MerchantAlert) or the rider's card says so (RiderAlert). For the customer, also whether 催单 may be tapped
/// now and, if waiting would allow it, from when (UTC); staff views leave those unset.
/// </summary>
internal sealed record OrderUrgeView(
    int Count, int MaxCount, DateTimeOffset? LastAt, string? HeardBy, bool MerchantAlert, bool RiderAlert, bool CanUrge = false, DateTimeOffset? AvailableFrom = null)
{
    public static OrderUrgeView Of(Order order) =>
        new(order.UrgeCount, Order.MaxUrges, order.LastUrgedAt, order.LastUrgeHeardBy, order.UrgeRingsForMerchant, order.UrgedWhileCarried);

    public static OrderUrgeView Of(Order order, DateTimeOffset now)
    {
        var refused = order.UrgeRefusedAt(now);
        return Of(order) with { CanUrge = refused is null, AvailableFrom = refused?.AvailableFrom };
    }
}
