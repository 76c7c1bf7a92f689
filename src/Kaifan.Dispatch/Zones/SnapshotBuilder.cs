using Kaifan.Contracts;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Dispatch.Zones;

/// <summary>A pending order as the zone holds it; RefusedBy are riders it must never be offered to again.</summary>
internal sealed record ZoneOrder(JobTicket Ticket, IReadOnlySet<Guid> RefusedBy);

/// <summary>An online rider with no open offer; SpareCapacity is capacity minus the orders they carry.</summary>
internal sealed record ZoneRider(Guid RiderId, GeoPoint Position, int SpareCapacity, double RangeKm, bool AcceptsStairs);

/// <summary>What raises a top customer's weight: the operator's bad-weather flag, and who the zone's top 20% are.</summary>
internal sealed record ZoneConditions(bool BadWeather, IReadOnlySet<Guid> TopCustomers);

/// <summary>
/// Turns the zone's live state into the optimiser's snapshot: positions projected onto a metric grid around the
/// zone's centre (the centroid of the round's points; equirectangular is exact enough over a few km), times in
/// whole minutes since a fixed epoch, refusers excluded per order. Pure, so it is unit-tested without a silo.
/// </summary>
internal static class SnapshotBuilder
{
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The weight of a top customer's order while the zone is short of riders or in bad weather.</summary>
    public const double TopCustomerWeight = 2.0;

    /// <summary>Riders have no shift end in production; a day ahead never binds.</summary>
    private const int NoShiftEnd = 24 * 60;

    public static int MinutesOf(DateTimeOffset at) => (int)Math.Floor((at - Epoch).TotalMinutes);

    /// <summary>Pending orders exceed what the online riders can still carry.</summary>
    public static bool ShortOfRiders(IReadOnlyCollection<ZoneOrder> orders, IEnumerable<ZoneRider> riders) =>
        orders.Count > riders.Sum(r => Math.Max(0, r.SpareCapacity));

    public static DispatchSnapshot Build(DateTimeOffset now, IReadOnlyList<ZoneOrder> orders, IReadOnlyList<ZoneRider> riders, ZoneConditions conditions)
    {
        var grid = Grid.Around(orders.SelectMany(o => new[] { Merchant(o.Ticket), DropOff(o.Ticket) }).Concat(riders.Select(r => r.Position)));
        var clock = MinutesOf(now);
        var raise = conditions.BadWeather || ShortOfRiders(orders, riders);
        var pending = orders.Select(o => new PendingOrder(
            o.Ticket.OrderId.ToString(),
            o.Ticket.MerchantId.ToString(),
            grid.Project(Merchant(o.Ticket)),
            grid.Project(DropOff(o.Ticket)),
            Math.Min(clock, MinutesOf(o.Ticket.PlacedAt ?? now)),
            (int)Math.Ceiling((o.Ticket.ReadyEstimate - Epoch).TotalMinutes),
            o.Ticket.SpecialCare ? OrderPriority.SpecialCare : OrderPriority.Normal,
            o.Ticket.StairsNoLift,
            raise && o.Ticket.CustomerId is { } customer && conditions.TopCustomers.Contains(customer) ? TopCustomerWeight : 1.0,
            o.RefusedBy.Count == 0 ? null : o.RefusedBy.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal))).ToList();
        var states = riders.Where(r => r.SpareCapacity > 0).Select(r =>
        {
            var at = grid.Project(r.Position);
            return new RiderState(r.RiderId.ToString(), at, clock, at, clock + NoShiftEnd, r.SpareCapacity, r.RangeKm, r.AcceptsStairs);
        }).ToList();
        return new DispatchSnapshot(clock, pending, states);
    }

    private static GeoPoint Merchant(JobTicket t) => new(t.MerchantLatitude, t.MerchantLongitude);

    private static GeoPoint DropOff(JobTicket t) => new(t.DropOffLatitude, t.DropOffLongitude);

    private readonly record struct Grid(double Latitude, double Longitude)
    {
        private const double MetresPerDegree = 111_195;

        public static Grid Around(IEnumerable<GeoPoint> points)
        {
            var all = points.ToList();
            return all.Count == 0 ? new Grid(0, 0) : new Grid(all.Average(p => p.Latitude), all.Average(p => p.Longitude));
        }

        public Point Project(GeoPoint p) => new(
            (p.Longitude - Longitude) * MetresPerDegree * Math.Cos(Latitude * Math.PI / 180),
            (p.Latitude - Latitude) * MetresPerDegree);
    }
}
