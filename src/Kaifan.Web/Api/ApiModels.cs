namespace Kaifan.Web.Api;

// The Web's own view of the public REST API's JSON: it references no module, so it declares the shapes it reads.

public sealed record SignInResult(string Token, Guid UserId, string Role, Guid? MerchantId, Guid? RiderId);

public sealed record AddressInfo(Guid Id, Guid ZoneId, string ContactName, string Phone, string Detail, string Tag);

public sealed record ZoneInfo(Guid Id, string Name);

public sealed record MerchantCardInfo(
    Guid Id, Guid ZoneId, string Name, string LogoEmoji, double Rating, int MonthlySales, long MinimumOrderFen,
    long DeliveryFeeFromFen, double DistanceKm, bool IsOpenNow, bool IsPaused, string? NextOpensAt, string Announcement);

public sealed record MenuInfo(MerchantHeaderInfo Merchant, IReadOnlyList<CategoryInfo> Categories);

public sealed record MerchantHeaderInfo(
    Guid Id, Guid ZoneId, string Name, string LogoEmoji, double Rating, int MonthlySales, long MinimumOrderFen,
    long DeliveryFeeFromFen, long PackagingFeeFen, bool IsOpenNow, bool IsPaused, string? NextOpensAt, string Announcement,
    IReadOnlyList<SlotInfo> OpeningHours);

public sealed record SlotInfo(string Day, string Open, string Close);

public sealed record CategoryInfo(Guid Id, string Name, int Sort, IReadOnlyList<ItemInfo> Items);

public sealed record ItemInfo(
    Guid Id, Guid CategoryId, string Name, string Description, long PriceFen, int Calories, bool SoldOut, int? Stock,
    bool IsListed, int MonthlySales, IReadOnlyList<OptionGroupInfo> OptionGroups);

public sealed record OptionGroupInfo(Guid Id, string Name, bool Required, int MaxChoices, IReadOnlyList<OptionInfo> Options);

public sealed record OptionInfo(Guid Id, string Name, long PriceDeltaFen, int CaloriesDelta);

public sealed record CartLineRequest(Guid ItemId, int Quantity, IReadOnlyList<Guid> OptionIds);

public sealed record CartRequest(Guid MerchantId, Guid AddressId, IReadOnlyList<CartLineRequest> Lines);

public sealed record PlaceOrderRequest(Guid MerchantId, Guid AddressId, IReadOnlyList<CartLineRequest> Lines, string? Note, int CutleryCount);

public sealed record NamedOption(Guid Id, string Name);

public sealed record QuoteLine(int Index, Guid ItemId, string Name, IReadOnlyList<NamedOption> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen);

public sealed record UnavailableLine(int Index, Guid ItemId, string Name, string Reason, string Message);

public sealed record CartQuote(
    Guid MerchantId, string MerchantName, bool MerchantOpen, IReadOnlyList<QuoteLine> Lines, IReadOnlyList<UnavailableLine> Unavailable,
    long ItemsTotalFen, long PackagingFeeFen, long DeliveryFeeFen, long TotalFen, int TotalCalories, double DistanceKm,
    long MinimumOrderFen, long ShortOfMinimumFen, bool CanPlace);

public sealed record ReorderQuote(CartQuote Quote, IReadOnlyList<UnavailableLine> Unavailable, PlaceOrderRequest PlaceRequest);

public sealed record OrderLineInfo(Guid ItemId, string Name, IReadOnlyList<NamedOption> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen);

public sealed record OrderAddress(string ContactName, string Phone, string Detail);

public sealed record TimelineStep(string Step, string Label, bool Reached, DateTimeOffset? At);

public sealed record OrderInfo(
    Guid Id, string Number, string Status, string StatusText, Guid MerchantId, string MerchantName,
    IReadOnlyList<OrderLineInfo> Lines, long ItemsTotalFen, long PackagingFeeFen, long DeliveryFeeFen, long TotalFen, int TotalCalories,
    OrderAddress Address, string? Note, int CutleryCount, int? PrepMinutes, DateTimeOffset PlacedAt, DateTimeOffset PaymentDeadline,
    DateTimeOffset? PaidAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ReadyAt, DateTimeOffset? CancelledAt, string? CancelReason,
    IReadOnlyList<TimelineStep> Timeline, bool CanCancel, bool CanPay, DateTimeOffset? ArrivedAtCustomerAt = null);

public sealed record OrderSummary(
    Guid Id, string Number, Guid MerchantId, string MerchantName, string Status, string StatusText, DateTimeOffset PlacedAt,
    string FirstItemName, int ItemCount, string Summary, long TotalFen, DateTimeOffset? PaymentDeadline, bool CanPay, bool CanReorder);

public sealed record PaymentInfo(Guid PaymentId, Guid OrderId, long AmountFen, string Status, string PayUrl, DateTimeOffset ExpiresAt);

public sealed record OpeningSlotInput(string Day, string Open, string Close);

/// <summary>An API answer: the value on success, otherwise the status and the problem's message for people.</summary>
public sealed record ApiResult<T>(int Status, T? Value, string? Problem)
{
    public bool Ok => Status is >= 200 and < 300 && Value is not null;
}

public sealed record ZoneCentre(Guid Id, string Name, double CenterLat, double CenterLon);

public sealed record GeoPlace(double Latitude, double Longitude);

public sealed record RiderStatusInfo(bool Online, Guid? ZoneId, double? Latitude, double? Longitude, DateTimeOffset? At);

public sealed record RiderProfileInfo(Guid RiderId, Guid HomeZoneId, string VehicleType, double SpeedKmh, double BatteryRangeKm, int Capacity, bool AcceptsStairs);

public sealed record OfferedOrderInfo(Guid OrderId, Guid MerchantId, GeoPlace Pickup, GeoPlace DropOff, DateTimeOffset ReadyEstimate, bool StairsNoLift);

public sealed record OfferInfo(Guid OfferId, DateTimeOffset ExpiresAt, int SecondsLeft, double MinutesToMerchant, IReadOnlyList<OfferedOrderInfo> Orders);

public sealed record RiderTaskInfo(Guid OrderId, Guid MerchantId, GeoPlace Pickup, GeoPlace DropOff, DateTimeOffset ReadyEstimate, bool StairsNoLift, string Stage, DateTimeOffset? AssignedAt);

public sealed record UserSummaryInfo(Guid UserId, string Role, string MaskedPhone, string? MaskedName, Guid? MerchantId, Guid? RiderId);

public sealed record OpsRiderInfo(
    Guid RiderId, Guid HomeZoneId, string VehicleType, int Capacity, bool Online, Guid? ZoneId, double? Latitude, double? Longitude,
    DateTimeOffset? SeenAt, int Load);

public sealed record StaffOrderPlace(string ContactName, string Phone, string Detail, double Latitude, double Longitude);

/// <summary>The rider's and the operator's view of an order (masked address with coordinates, rider and delivery facts).</summary>
public sealed record StaffOrderInfo(
    Guid Id, string Number, string Status, string StatusText, Guid MerchantId, string MerchantName, Guid ZoneId,
    IReadOnlyList<OrderLineInfo> Lines, long TotalFen, long DeliveryFeeFen, StaffOrderPlace Address, string? Note, Guid? RiderId,
    DateTimeOffset PlacedAt, DateTimeOffset? PaidAt, DateTimeOffset? ReadyAt, DateTimeOffset? PickedUpAt, DateTimeOffset? DeliveredAt,
    string? DeliveryMethod, string? Locker, DateTimeOffset? ArrivedAtCustomerAt = null);
