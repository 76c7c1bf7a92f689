namespace Kaifan.Dispatch.Optimisation;

/// <summary>A planar position in metres (production projects lat/lon onto a local grid first).</summary>
internal readonly record struct Point(double X, double Y)
{
    public double DistanceTo(Point other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}

internal enum OrderPriority { Normal, SpecialCare }

/// <summary>
/// An order not yet given to a rider. Times are whole minutes since an epoch chosen by the caller. Weight scales the
/// order's value (production raises it for a zone's top customers when riders are short or the weather is bad);
/// ExcludedRiders never get it (production: riders who declined it or let its offer expire).
/// </summary>
internal sealed record PendingOrder(
    string Id,
    string MerchantId,
    Point Merchant,
    Point DropOff,
    int PlacedAt,
    int ReadyAt,
    OrderPriority Priority = OrderPriority.Normal,
    bool StairsNoLift = false,
    double Weight = 1.0,
    IReadOnlySet<string>? ExcludedRiders = null);

/// <summary>
/// A rider as the optimiser sees it: where they are, when and where they next become free (after the
/// route they already carry), when their shift ends (no pickup after it) and what they can do. Speed: their pace as a
/// multiple of the travel model's (a rider on foot rides every leg slower than one on an e-bike).
/// </summary>
internal sealed record RiderState(
    string Id,
    Point Position,
    int FreeAt,
    Point FreePlace,
    int ShiftEnd,
    int Capacity,
    double RangeKm,
    bool AcceptsStairs,
    double Speed = 1.0);

/// <summary>Demand is optional: the merchants' recent order rates, for <see cref="ReserveValue"/>.</summary>
internal sealed record DispatchSnapshot(int Clock, IReadOnlyList<PendingOrder> Orders, IReadOnlyList<RiderState> Riders,
    IReadOnlyList<DemandSpot>? Demand = null);

/// <summary>One committed route: a bundle of orders from one merchant, drop-offs in <see cref="OrderIds"/> order.</summary>
internal sealed record Assignment(
    string RiderId,
    string MerchantId,
    IReadOnlyList<string> OrderIds,
    int DepartAt,
    int ArriveAtMerchant,
    int PickupAt,
    IReadOnlyList<int> DropoffAt,
    int FreeAt,
    double RouteKm);

internal sealed record DispatchPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<string> Held);
