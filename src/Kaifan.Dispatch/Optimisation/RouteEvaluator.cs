namespace Kaifan.Dispatch.Optimisation;

/// <summary>A bundle costed for one rider: the route it would ride if sent now.</summary>
internal sealed record Candidate(Bundle Bundle, RiderState Rider, Assignment Route, int LatestDeparture, double Value);

/// <summary>Costs a bundle for a rider and enforces every hard constraint (capability, shift, range, maximum click-to-door).</summary>
internal static class RouteEvaluator
{
    public static Candidate? Evaluate(Bundle bundle, RiderState rider, int clock, TravelModel travel, DispatchSettings settings)
    {
        if (!Capable(bundle, rider)) return null;

        var toMerchant = rider.FreePlace.DistanceTo(bundle.Merchant);
        if ((toMerchant + bundle.LengthMeters) / 1000.0 > rider.RangeKm) return null;

        var depart = Math.Max(clock, rider.FreeAt);
        var ride = travel.Minutes(rider.FreePlace, bundle.Merchant, rider.Speed);
        var arrive = depart + ride;
        var pickup = travel.PickupTime(arrive, bundle.ReadyAt);
        if (pickup > rider.ShiftEnd) return null;

        var drops = new int[bundle.Orders.Count];
        var value = -settings.EmptyTravelWeight * ride;
        var leave = travel.LeaveMerchant(pickup);
        for (var i = 0; i < drops.Length; i++)
        {
            var order = bundle.Orders[i];
            drops[i] = travel.DropoffTime(leave + travel.Minutes(bundle.LegMeters[i], rider.Speed));
            leave = travel.LeaveCustomer(drops[i]);
            var ctd = drops[i] - order.PlacedAt;
            if (ctd > settings.MaxClickToDoorMinutes && !CannotMeetMaximum(order, travel, settings)) return null;
            var late = Math.Max(0, ctd - settings.TargetClickToDoorMinutes);
            value += Bundle.Weight(order, settings) * (settings.ServeReward - ctd - late - settings.ReadyWaitWeight * (pickup - order.ReadyAt));
        }

        var route = new Assignment(rider.Id, bundle.MerchantId, bundle.Orders.Select(o => o.Id).ToArray(), depart, arrive,
            pickup, drops, travel.LeaveCustomer(drops[^1]), (toMerchant + bundle.LengthMeters) / 1000.0);
        var latest = bundle.ReadyAt - travel.PickupHalf - ride;
        return new Candidate(bundle, rider, route, latest, value);
    }

    /// <summary>
    /// An order whose own preparation and direct ride already exceed the maximum click-to-door cannot meet it with any
    /// rider; the limit is waived for it (it is still served as early as possible) rather than dropping the order.
    /// </summary>
    public static bool CannotMeetMaximum(PendingOrder order, TravelModel travel, DispatchSettings settings) =>
        travel.DropoffTime(travel.LeaveMerchant(order.ReadyAt) + travel.Minutes(order.Merchant, order.DropOff)) - order.PlacedAt
        > settings.MaxClickToDoorMinutes;

    /// <summary>The rider-capability part of feasibility: carry capacity, stairs, and never a rider the order excludes.</summary>
    public static bool Capable(Bundle bundle, RiderState rider) =>
        bundle.Orders.Count <= rider.Capacity && (!bundle.NeedsStairs || rider.AcceptsStairs)
        && bundle.Orders.All(o => o.ExcludedRiders is null || !o.ExcludedRiders.Contains(rider.Id));
}
