using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;

namespace Kaifan.Tracking.Eta;

/// <summary>Where the minutes come from, so the customer (and support) can see why the ETA moved.</summary>
public sealed record EtaBasis(
    double PrepRemaining,
    double TravelToMerchant,
    double TravelToCustomer,
    double Service,
    double RoadFactor,
    string Vehicle,
    double SpeedKmh,
    string RiderFrom)
{
    /// <summary>The kitchen's minutes the estimate plans with, and whether they were "learned" from the shop's history or "stated" by it.</summary>
    public double? PrepMinutes { get; init; }

    public string? PrepSource { get; init; }

    /// <summary>A batch order's run: the rider leaves the shop no earlier than this (null for other orders).</summary>
    public DateTimeOffset? BatchDeparture { get; init; }
}

/// <summary>EtaAt is null once the order is delivered or cancelled: nothing is on its way.</summary>
public sealed record EtaView(Guid OrderId, DateTimeOffset ComputedAt, DateTimeOffset? EtaAt, int MinutesLeft, EtaBasis? Basis);

/// <summary>
/// Arrival estimate: the rider rides to the shop while the kitchen cooks (whichever takes longer), picks up,
/// rides to the customer and hands over. Distances are straight lines times a road factor; speeds by vehicle.
/// The kitchen's minutes are the shop's learned prep time for that hour when Insights has enough history of it,
/// else the minutes the merchant stated; before acceptance, the kitchen's usual minutes (a typical kitchen's 15 while
/// its history is short). A batch order's ride starts no earlier than its line's run leaves: Dispatch
/// holds it for that run.
/// </summary>
internal sealed class EtaCalculator(TrackingSettings settings, IPrepTimeEstimates? prepTimes = null, IBatchDepartures? batches = null)
{
    public async Task<EtaView> EstimateAsync(OrderTrackingInfo order, RiderLocation? rider, DateTimeOffset now, CancellationToken ct) =>
        Estimate(order, rider, now, await PrepEstimateAsync(order, now, ct), await BatchDepartureAsync(order, ct));

    /// <summary>Until pickup, a batch order's run as Dispatch holds it: fixed at acceptance, from the learned prep minutes.</summary>
    public async Task<DateTimeOffset?> BatchDepartureAsync(OrderTrackingInfo order, CancellationToken ct) =>
        batches is not null && order is { ServiceTier: ServiceTiers.Batch, AcceptedAt: { } acceptedAt, PrepMinutes: { } stated, PickedUpAt: null }
            ? (await batches.AcceptedRunAsync(order.OrderId, order.ZoneId, order.DropOffLocation, order.MerchantId, acceptedAt, stated, ct))?.LeavesAt
            : null;

    /// <summary>
    /// Only while the kitchen has not finished: afterwards the prep time no longer moves the ETA. Before acceptance the
    /// kitchen's usual minutes at this hour, as checkout quoted them.
    /// </summary>
    public async Task<PrepTimeEstimate?> PrepEstimateAsync(OrderTrackingInfo order, DateTimeOffset now, CancellationToken ct) => (prepTimes, order) switch
    {
        (null, _) => null,
        (_, { AcceptedAt: { } acceptedAt, PrepMinutes: { } stated, ReadyAt: null, PickedUpAt: null }) =>
            await prepTimes.EstimateAsync(order.MerchantId, acceptedAt, stated, ct),
        (_, { AcceptedAt: null, DeliveredAt: null, CancelledAt: null }) => await prepTimes.UsualAsync(order.MerchantId, now, ct),
        _ => null,
    };

    /// <summary>
    /// The arrival promised at acceptance: the order as it stood then (no rider yet, so one is assumed at the shop),
    /// estimated at the moment of acceptance. Computed from the event, so a redelivered event promises the same.
    /// </summary>
    /// <remarks>
    /// A batch order's plan has the rider due at the shop when its run leaves, so Insights measures the rider's stage
    /// from the departure, not from acceptance.
    /// </remarks>
    public DeliveryPromised Promise(OrderTrackingInfo order, OrderAccepted accepted, PrepTimeEstimate prep, DateTimeOffset? batchDeparture = null)
    {
        var atAcceptance = order with
        {
            RiderId = null,
            PrepMinutes = accepted.PrepMinutes,
            AcceptedAt = accepted.AcceptedAt,
            ReadyAt = null,
            RiderAssignedAt = null,
            ArrivedAtMerchantAt = null,
            PickedUpAt = null,
            DeliveredAt = null,
            CancelledAt = null,
        };
        var eta = Estimate(atAcceptance, rider: null, accepted.AcceptedAt, prep, batchDeparture);
        var basis = eta.Basis!;
        return new DeliveryPromised(
            order.OrderId, accepted.ZoneId, accepted.MerchantId, eta.EtaAt!.Value, accepted.AcceptedAt, prep.Minutes, prep.Source,
            Math.Max(basis.TravelToMerchant, UntilDeparture(batchDeparture, accepted.AcceptedAt)), settings.PickupServiceMinutes,
            basis.TravelToCustomer, settings.DropOffServiceMinutes);
    }

    public EtaView Estimate(
        OrderTrackingInfo order, RiderLocation? rider, DateTimeOffset now, PrepTimeEstimate? prepEstimate = null, DateTimeOffset? batchDeparture = null)
    {
        if (order.DeliveredAt is not null || order.CancelledAt is not null)
        {
            return new EtaView(order.OrderId, now, null, 0, null);
        }

        var roadFactor = settings.RoadFactorIn(order.ZoneId);
        var knownRider = rider is not null && rider.RiderId == order.RiderId ? rider : null;
        var vehicle = string.IsNullOrWhiteSpace(knownRider?.VehicleType) ? settings.DefaultVehicle : knownRider.VehicleType;
        var speed = knownRider is { SpeedKmh: > 0 } ? knownRider.SpeedKmh : settings.SpeedKmhIn(order.ZoneId, vehicle);

        // Before a rider is assigned (or while its position is unknown) the rider is assumed to start at the shop.
        var (from, riderFrom) = knownRider is not null ? (knownRider.Position, "rider") : (order.MerchantLocation, "merchant");

        var pickedUp = order.PickedUpAt is not null;
        var prep = pickedUp || order.ReadyAt is not null ? 0 : PrepRemaining(order, now, prepEstimate);
        var toMerchant = pickedUp || order.ArrivedAtMerchantAt is not null ? 0 : Minutes(from, order.MerchantLocation, roadFactor, speed);
        var toCustomer = Minutes(pickedUp ? from : order.MerchantLocation, order.DropOffLocation, roadFactor, speed);
        var service = (pickedUp ? 0 : settings.PickupServiceMinutes) + settings.DropOffServiceMinutes;

        var departure = pickedUp ? null : batchDeparture;
        var total = Math.Max(Math.Max(prep, toMerchant), UntilDeparture(departure, now)) + service + toCustomer;
        var basis = new EtaBasis(Round(prep), Round(toMerchant), Round(toCustomer), Round(service), roadFactor, vehicle, speed, riderFrom)
        {
            PrepMinutes = prepEstimate?.Minutes,
            PrepSource = prepEstimate?.Source,
            BatchDeparture = departure,
        };
        return new EtaView(order.OrderId, now, now.AddMinutes(total), (int)Math.Ceiling(Math.Round(total, 6)), basis);
    }

    private double PrepRemaining(OrderTrackingInfo order, DateTimeOffset now, PrepTimeEstimate? prepEstimate)
    {
        if (order.AcceptedAt is not { } acceptedAt || order.PrepMinutes is not { } prepMinutes)
        {
            return prepEstimate?.Minutes ?? settings.DefaultPrepMinutes;
        }

        return Math.Max(0, (acceptedAt.AddMinutes(prepEstimate?.Minutes ?? prepMinutes) - now).TotalMinutes);
    }

    private static double UntilDeparture(DateTimeOffset? departure, DateTimeOffset now) =>
        departure is { } leaves ? Math.Max(0, (leaves - now).TotalMinutes) : 0;

    private static double Minutes(GeoPoint from, GeoPoint to, double roadFactor, double speedKmh) =>
        from.DistanceMetresTo(to) / 1000 * roadFactor / speedKmh * 60;

    private static double Round(double minutes) => Math.Round(minutes, 1);
}
