using Kaifan.Contracts;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Dispatch.Zones;

/// <summary>A pending order as the zone holds it; RefusedBy are riders it must never be offered to again.</summary>
internal sealed record ZoneOrder(JobTicket Ticket, IReadOnlySet<Guid> RefusedBy);

/// <summary>
/// An online rider with no open offer; SpareCapacity is capacity minus the orders they carry. Route: the orders they
/// carry or are on their way to collect, in the order they will serve them; ShiftEndsAt: no pickup after it (null: stays on);
/// SpeedKmh: their vehicle's pace.
/// </summary>
internal sealed record ZoneRider(
    Guid RiderId, GeoPoint Position, int SpareCapacity, double RangeKm, bool AcceptsStairs, double SpeedKmh,
    IReadOnlyList<CarriedOrder>? Route = null, DateTimeOffset? ShiftEndsAt = null);

/// <summary>
/// An order given to a rider and not yet delivered. Leg: orders accepted together (one offer) share it, and the rider
/// works legs one after another (collect the leg's food, then its drop-offs); PickedUp: the food is in the bag.
/// </summary>
internal sealed record CarriedOrder(JobTicket Ticket, long Leg, bool PickedUp);

/// <summary>
/// What raises a top customer's weight: the operator's bad-weather flag, and who the zone's top 20% are; and where
/// demand comes from: the shop of each order the zone received within <see cref="ZoneDemand.Window"/>.
/// </summary>
internal sealed record ZoneConditions(bool BadWeather, IReadOnlySet<Guid> TopCustomers, IReadOnlyList<GeoPoint>? RecentOrders = null);

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

    /// <summary>A rider who gave no shift end when going online: a day ahead never binds.</summary>
    private const int NoShiftEnd = 24 * 60;

    public static int MinutesOf(DateTimeOffset at) => (int)Math.Floor((at - Epoch).TotalMinutes);

    /// <summary>Pending orders exceed what the online riders can still carry.</summary>
    public static bool ShortOfRiders(IReadOnlyCollection<ZoneOrder> orders, IEnumerable<ZoneRider> riders) =>
        orders.Count > riders.Sum(r => Math.Max(0, r.SpareCapacity));

    /// <summary>
    /// Each rider enters the snapshot free when and where the route they already carry ends (see
    /// <see cref="RemainingRoute"/>), as the MDRP replay does: a busy rider may be offered more, and the optimiser
    /// plans the new bundle from their last drop-off.
    /// </summary>
    public static DispatchSnapshot Build(
        DateTimeOffset now, IReadOnlyList<ZoneOrder> orders, IReadOnlyList<ZoneRider> riders, ZoneConditions conditions, TravelModel travel)
    {
        var grid = Grid.Around(orders.SelectMany(o => new[] { Merchant(o.Ticket), DropOff(o.Ticket) })
            .Concat(riders.Select(r => r.Position))
            .Concat(riders.SelectMany(r => r.Route ?? []).SelectMany(c => new[] { Merchant(c.Ticket), DropOff(c.Ticket) })));
        var clock = MinutesOf(now);
        var raise = conditions.BadWeather || ShortOfRiders(orders, riders);
        var pending = orders.Select(o => new PendingOrder(
            o.Ticket.OrderId.ToString(),
            o.Ticket.MerchantId.ToString(),
            grid.Project(Merchant(o.Ticket)),
            grid.Project(DropOff(o.Ticket)),
            Math.Min(clock, MinutesOf(o.Ticket.PlacedAt ?? now)),
            ReadyMinute(o.Ticket),
            o.Ticket.SpecialCare ? OrderPriority.SpecialCare : OrderPriority.Normal,
            o.Ticket.StairsNoLift,
            raise && o.Ticket.CustomerId is { } customer && conditions.TopCustomers.Contains(customer) ? TopCustomerWeight : 1.0,
            o.RefusedBy.Count == 0 ? null : o.RefusedBy.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal))).ToList();
        var states = riders.Where(r => r.SpareCapacity > 0).Select(r =>
        {
            var at = grid.Project(r.Position);
            var speed = r.SpeedKmh / ProductionPlanning.ModelSpeedKmh;
            var (freeAt, freePlace) = RemainingRoute(clock, at, r.Route ?? [], grid.Project, travel, speed);
            return new RiderState(r.RiderId.ToString(), at, freeAt, freePlace, r.ShiftEndsAt is { } end ? MinutesOf(end) : clock + NoShiftEnd,
                r.SpareCapacity, r.RangeKm, r.AcceptsStairs, speed);
        }).ToList();
        var perHour = 60.0 / ZoneDemand.Window.TotalMinutes;
        var demand = (conditions.RecentOrders ?? []).GroupBy(p => p)
            .Select(g => new DemandSpot(grid.Project(g.Key), g.Count() * perHour)).ToList();
        return new DispatchSnapshot(clock, pending, states, demand);
    }

    /// <summary>
    /// When and where a rider becomes free after the route they carry, by the optimiser's own travel rules from where
    /// they are now: leg by leg, the shops of food not yet collected (ride, wait for the ready estimate, the pickup
    /// handover), then the leg's drop-offs in route order. Never earlier than now; an idle rider is free now where
    /// they stand.
    /// </summary>
    private static (int FreeAt, Point FreePlace) RemainingRoute(
        int clock, Point position, IReadOnlyList<CarriedOrder> route, Func<GeoPoint, Point> project, TravelModel travel, double speed)
    {
        var time = clock;
        var at = position;
        foreach (var leg in route.GroupBy(c => c.Leg).OrderBy(g => g.Key))
        {
            foreach (var shop in leg.Where(c => !c.PickedUp).GroupBy(c => c.Ticket.MerchantId))
            {
                var merchant = project(Merchant(shop.First().Ticket));
                var pickup = travel.PickupTime(time + travel.Minutes(at, merchant, speed), shop.Max(c => ReadyMinute(c.Ticket)));
                time = travel.LeaveMerchant(pickup);
                at = merchant;
            }

            foreach (var order in leg)
            {
                var door = project(DropOff(order.Ticket));
                time = travel.LeaveCustomer(travel.DropoffTime(time + travel.Minutes(at, door, speed)));
                at = door;
            }
        }

        return (Math.Max(clock, time), at);
    }

    private static int ReadyMinute(JobTicket t) => (int)Math.Ceiling((t.ReadyEstimate - Epoch).TotalMinutes);

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
