namespace Kaifan.Web.Api;

// The operator's dispatch board, reassignment and merchants, and the rider's deliveries of the day.

public sealed record BoardOrderInfo(
    Guid OrderId, Guid MerchantId, GeoPlace Pickup, GeoPlace DropOff, DateTimeOffset ReadyEstimate, bool Late,
    Guid? RiderId, Guid? OfferId, DateTimeOffset? OfferExpiresAt, int? OfferSecondsLeft, string? Stage, DateTimeOffset? AssignedAt,
    string ServiceTier = "standard", bool SpecialCare = false, bool Locker = false, DateTimeOffset? DepartsAt = null, DateTimeOffset? PromisedAt = null);

public sealed record ZoneDispatchInfo(
    Guid ZoneId, IReadOnlyList<BoardOrderInfo> Pending, IReadOnlyList<BoardOrderInfo> Offered, IReadOnlyList<BoardOrderInfo> Assigned, IReadOnlyList<BoardOrderInfo> Late,
    bool BadWeather = false, bool ShortOfRiders = false);

public sealed record ReassignInfo(Guid OrderId, string Column, Guid? RiderId, DateTimeOffset? OfferExpiresAt);

public sealed record OpsMerchantInfo(
    Guid Id, Guid ZoneId, string Name, string LogoEmoji, double Latitude, double Longitude, bool IsOpenNow, bool IsPaused, double Rating, int MonthlySales);

public sealed record RiderDeliveriesInfo(string Date, int Count, IReadOnlyList<StaffOrderInfo> Orders, bool More = false);
