using Kaifan.Contracts;
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
    string RiderFrom);

/// <summary>EtaAt is null once the order is delivered or cancelled: nothing is on its way.</summary>
public sealed record EtaView(Guid OrderId, DateTimeOffset ComputedAt, DateTimeOffset? EtaAt, int MinutesLeft, EtaBasis? Basis);

/// <summary>
/// Arrival estimate: the rider rides to the shop while the kitchen cooks (whichever takes longer), picks up,
/// rides to the customer and hands over. Distances are straight lines times a road factor; speeds by vehicle.
/// </summary>
internal sealed class EtaCalculator(TrackingSettings settings)
{
    public EtaView Estimate(OrderTrackingInfo order, RiderLocation? rider, DateTimeOffset now)
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
        var prep = pickedUp || order.ReadyAt is not null ? 0 : PrepRemaining(order, now);
        var toMerchant = pickedUp || order.ArrivedAtMerchantAt is not null ? 0 : Minutes(from, order.MerchantLocation, roadFactor, speed);
        var toCustomer = Minutes(pickedUp ? from : order.MerchantLocation, order.DropOffLocation, roadFactor, speed);
        var service = (pickedUp ? 0 : settings.PickupServiceMinutes) + settings.DropOffServiceMinutes;

        var total = Math.Max(prep, toMerchant) + service + toCustomer;
        var basis = new EtaBasis(Round(prep), Round(toMerchant), Round(toCustomer), Round(service), roadFactor, vehicle, speed, riderFrom);
        return new EtaView(order.OrderId, now, now.AddMinutes(total), (int)Math.Ceiling(Math.Round(total, 6)), basis);
    }

    private double PrepRemaining(OrderTrackingInfo order, DateTimeOffset now)
    {
        if (order.AcceptedAt is not { } acceptedAt || order.PrepMinutes is not { } prepMinutes)
        {
            return settings.DefaultPrepMinutes;
        }

        return Math.Max(0, (acceptedAt.AddMinutes(prepMinutes) - now).TotalMinutes);
    }

    private static double Minutes(GeoPoint from, GeoPoint to, double roadFactor, double speedKmh) =>
        from.DistanceMetresTo(to) / 1000 * roadFactor / speedKmh * 60;

    private static double Round(double minutes) => Math.Round(minutes, 1);
}
