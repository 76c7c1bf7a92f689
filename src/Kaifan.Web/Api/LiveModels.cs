namespace Kaifan.Web.Api;

// Tracking's ETA and map of one order, as the customer's order page reads them.

/// <summary>PrepMinutes and PrepSource ("learned" or "stated") are the kitchen's minutes the ETA plans with, while it cooks.</summary>
public sealed record EtaBasisInfo(
    double PrepRemaining, double TravelToMerchant, double TravelToCustomer, double Service, double RoadFactor, string Vehicle, double SpeedKmh, string RiderFrom,
    double? PrepMinutes = null, string? PrepSource = null);

/// <summary>EtaAt is null once nothing is on its way (delivered or cancelled).</summary>
public sealed record EtaInfo(Guid OrderId, DateTimeOffset ComputedAt, DateTimeOffset? EtaAt, int MinutesLeft, EtaBasisInfo? Basis);

public sealed record RiderSpot(Guid RiderId, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>Rider is null until the food is picked up, and again once it is delivered.</summary>
public sealed record OrderMapInfo(Guid OrderId, Guid ZoneId, GeoPlace Merchant, GeoPlace DropOff, RiderSpot? Rider);
