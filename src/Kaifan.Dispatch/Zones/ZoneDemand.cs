using Kaifan.Contracts;

namespace Kaifan.Dispatch.Zones;

/// <summary>
/// The orders a zone received over the last hour, as the shops they came from: where the next orders will likely
/// come from, so the optimiser can keep a rider near a busy shop (<see cref="Optimisation.ReserveValue"/>). Kept in
/// the grain's memory; after a reactivation it starts from the orders still open.
/// </summary>
internal sealed class ZoneDemand
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Dictionary<Guid, (DateTimeOffset PlacedAt, GeoPoint Merchant)> orders = [];

    public void Record(JobTicket ticket, DateTimeOffset now) =>
        orders.TryAdd(ticket.OrderId, (ticket.PlacedAt ?? now, new GeoPoint(ticket.MerchantLatitude, ticket.MerchantLongitude)));

    /// <summary>One shop location per order placed within the window; older orders are forgotten.</summary>
    public IReadOnlyList<GeoPoint> Recent(DateTimeOffset now)
    {
        var since = now - Window;
        foreach (var old in orders.Where(o => o.Value.PlacedAt < since).Select(o => o.Key).ToList()) orders.Remove(old);
        return orders.Values.Select(o => o.Merchant).ToList();
    }
}
