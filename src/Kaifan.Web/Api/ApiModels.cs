namespace Kaifan.Web.Api;

// The Web's own view of the public REST API's JSON: it references no module, so it declares the shapes it reads.

public sealed record SignInResult(string Token, Guid UserId, string Role, Guid? MerchantId, Guid? RiderId);

public sealed record AddressInfo(
    Guid Id, Guid ZoneId, string ContactName, string Phone, string Detail, string Tag, double Latitude = 0, double Longitude = 0, bool StairsNoLift = false);

/// <summary>Tag is 家, 公司, 学校 or empty; StairsNoLift (无电梯需爬楼) sends the order only to riders who accept stairs.</summary>
public sealed record SaveAddressInput(
    Guid ZoneId, string ContactName, string Phone, string Detail, double Latitude, double Longitude, string? Tag, bool StairsNoLift);

public sealed record ZoneInfo(Guid Id, string Name);

public sealed record MerchantCardInfo(
    Guid Id, Guid ZoneId, string Name, string LogoEmoji, double Rating, int MonthlySales, long MinimumOrderFen,
    long DeliveryFeeFromFen, double DistanceKm, bool IsOpenNow, bool IsPaused, string? NextOpensAt, string Announcement, int ReviewCount = 0,
    int DeliveryMinutes = 0, Kaifan.Contracts.ShopPromotions? Promotions = null);

public sealed record MenuInfo(MerchantHeaderInfo Merchant, IReadOnlyList<CategoryInfo> Categories);

public sealed record MerchantHeaderInfo(
    Guid Id, Guid ZoneId, string Name, string LogoEmoji, double Rating, int MonthlySales, long MinimumOrderFen,
    long DeliveryFeeFromFen, long PackagingFeeFen, bool IsOpenNow, bool IsPaused, string? NextOpensAt, string Announcement,
    IReadOnlyList<SlotInfo> OpeningHours, int ReviewCount = 0, Kaifan.Contracts.ShopPromotions? Promotions = null);

public sealed record SlotInfo(string Day, string Open, string Close);

public sealed record CategoryInfo(Guid Id, string Name, int Sort, IReadOnlyList<ItemInfo> Items);

public sealed record ItemInfo(
    Guid Id, Guid CategoryId, string Name, string Description, long PriceFen, int Calories, bool SoldOut, int? Stock,
    bool IsListed, int MonthlySales, IReadOnlyList<OptionGroupInfo> OptionGroups);

public sealed record OptionGroupInfo(Guid Id, string Name, bool Required, int MaxChoices, IReadOnlyList<OptionInfo> Options);

public sealed record OptionInfo(Guid Id, string Name, long PriceDeltaFen, int CaloriesDelta);

public sealed record CartLineRequest(Guid ItemId, int Quantity, IReadOnlyList<Guid> OptionIds);

/// <summary>The checkout's choices ride along with a quote, so the price lines show the tier's fee and the coupon's discount.</summary>
public sealed record CartRequest(
    Guid MerchantId, Guid AddressId, IReadOnlyList<CartLineRequest> Lines,
    bool SpecialCare = false, string? ServiceTier = null, string? Delivery = null, Guid? LockerId = null, Guid? CouponId = null,
    Guid? GroupDealId = null, Guid? GroupId = null, Guid? PresaleId = null);

public sealed record PlaceOrderRequest(
    Guid MerchantId, Guid AddressId, IReadOnlyList<CartLineRequest> Lines, string? Note, int CutleryCount,
    bool SpecialCare = false, string? ServiceTier = null, string? Delivery = null, Guid? LockerId = null, Guid? CouponId = null,
    Guid? GroupDealId = null, Guid? GroupId = null, Guid? PresaleId = null);

public sealed record NamedOption(Guid Id, string Name);

/// <summary>A 社群价 line names its community; ListUnitPriceFen is the menu's price for the 划线价, MemberPortions the portions at the member price.</summary>
public sealed record QuoteLine(
    int Index, Guid ItemId, string Name, IReadOnlyList<NamedOption> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen,
    long? ListUnitPriceFen = null, string? CommunityName = null, int MemberPortions = 0);

/// <summary>The shop's own discount on a quote or an order: Kind fullReduction (满减) or newCustomer (新客立减), a −¥ line.</summary>
public sealed record ShopDiscountInfo(string Kind, string Label, long AmountFen);

public sealed record UnavailableLine(int Index, Guid ItemId, string Name, string Reason, string Message);

/// <summary>TotalFen is what the customer pays: items + packaging + delivery + ServiceFeeFen − ShopDiscountFen − DiscountFen.</summary>
public sealed record CartQuote(
    Guid MerchantId, string MerchantName, bool MerchantOpen, IReadOnlyList<QuoteLine> Lines, IReadOnlyList<UnavailableLine> Unavailable,
    long ItemsTotalFen, long PackagingFeeFen, long DeliveryFeeFen, long TotalFen, int TotalCalories, double DistanceKm,
    long MinimumOrderFen, long ShortOfMinimumFen, bool CanPlace,
    Guid ZoneId = default, string ServiceTier = "standard", long ServiceFeeFen = 0, Guid? CouponId = null, long DiscountFen = 0,
    string Delivery = "door", Guid? LockerId = null, bool SpecialCare = false, DateTimeOffset? EstimatedArrivalAt = null,
    GuaranteeOffer? Guarantee = null, BatchLineOffer? BatchLine = null, IReadOnlyList<ShopDiscountInfo>? ShopDiscounts = null, long ShopDiscountFen = 0);

/// <summary>准时宝 before the merchant accepts: the window is an estimate (IsEstimate) until Tracking's promise fixes it.</summary>
public sealed record GuaranteeOffer(long FeeFen, long CompensationFen, DateTimeOffset EstimatedAt, DateTimeOffset From, DateTimeOffset To, bool IsEstimate);

/// <summary>NextDeparture is the run an order placed now would take; EstimatedArrivalAt counts the ride from it.</summary>
public sealed record BatchLineOffer(Guid LineId, string Name, DateTimeOffset? NextDeparture, DateTimeOffset? EstimatedArrivalAt = null);

/// <summary>A batch order's run: its line and when it leaves.</summary>
public sealed record BatchRunInfo(Guid LineId, string LineName, DateTimeOffset DepartsAt);

/// <summary>A coupon of GET /api/me/coupons; Status is unused, used or expired; MinSpendFen 0 is 无门槛.</summary>
public sealed record CouponInfo(Guid Id, long AmountFen, long MinSpendFen, string Reason, DateTimeOffset ExpiresAt, string Status);

/// <summary>A parcel locker (智能柜) of a delivery zone.</summary>
public sealed record ZoneLocker(Guid Id, Guid ZoneId, string Name, double Latitude, double Longitude);

/// <summary>A locker as the operator enters it; an empty number is sent as null so the API names it.</summary>
public sealed record LockerInput(string Name, double? Latitude, double? Longitude);

public sealed record PromisedWindowInfo(DateTimeOffset PromisedAt, DateTimeOffset From, DateTimeOffset To, long CompensationFen);

/// <summary>准时宝 once delivered: Outcome "kept" or "missed"; a miss's coupon is null until it is issued.</summary>
public sealed record GuaranteeOutcomeInfo(string Outcome, int? MinutesLate, CompensationCouponInfo? Coupon);

public sealed record CompensationCouponInfo(Guid Id, long AmountFen, DateTimeOffset ExpiresAt);

public sealed record ReorderQuote(CartQuote Quote, IReadOnlyList<UnavailableLine> Unavailable, PlaceOrderRequest PlaceRequest);

public sealed record OrderLineInfo(Guid ItemId, string Name, IReadOnlyList<NamedOption> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen);

public sealed record OrderAddress(string ContactName, string Phone, string Detail);

public sealed record TimelineStep(string Step, string Label, bool Reached, DateTimeOffset? At);

public sealed record OrderInfo(
    Guid Id, string Number, string Status, string StatusText, Guid MerchantId, string MerchantName,
    IReadOnlyList<OrderLineInfo> Lines, long ItemsTotalFen, long PackagingFeeFen, long DeliveryFeeFen, long TotalFen, int TotalCalories,
    OrderAddress Address, string? Note, int CutleryCount, int? PrepMinutes, DateTimeOffset PlacedAt, DateTimeOffset PaymentDeadline,
    DateTimeOffset? PaidAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ReadyAt, DateTimeOffset? CancelledAt, string? CancelReason,
    IReadOnlyList<TimelineStep> Timeline, bool CanCancel, bool CanPay,
    string ServiceTier = "standard", long ServiceFeeFen = 0, long DiscountFen = 0, bool SpecialCare = false, string Delivery = "door",
    string? LockerName = null, string? PickupCode = null, PromisedWindowInfo? PromisedWindow = null, DateTimeOffset? ArrivedAtCustomerAt = null,
    GuaranteeOutcomeInfo? GuaranteeOutcome = null, BatchRunInfo? BatchRun = null, UrgeInfo? Urge = null, ReviewInfo? Review = null, bool CanReview = false,
    DeliveryExceptionInfo? DeliveryException = null, OrderRefundInfo? Refund = null,
    DateTimeOffset? RefundedAt = null, Guid? GroupBuyId = null, DateTimeOffset? GroupFormedAt = null, PresaleOrderInfo? Presale = null,
    Guid? RiderId = null, DateTimeOffset? DeliveredAt = null, IReadOnlyList<ShopDiscountInfo>? ShopDiscounts = null, long ShopDiscountFen = 0,
    bool NewCustomer = false, long? MerchantIncomeFen = null, bool Today = true);

/// <summary>评价 of one order; Author is 张** or null for 匿名用户; times UTC; Cashback (晒图返现) only on the author's and the shop's views.</summary>
public sealed record ReviewInfo(
    Guid Id, Guid OrderId, int Overall, int Taste, int Packaging, int Delivery, IReadOnlyList<string> Tags, string? Text, bool Anonymous, string? Author,
    DateTimeOffset CreatedAt, string? Reply, DateTimeOffset? RepliedAt, IReadOnlyList<ReviewPhotoInfo>? Photos = null, ReviewCashbackInfo? Cashback = null);

/// <summary>What the customer sends: stars 1–5 each, tags from the fixed list, text up to 300 characters, up to 3 uploaded photos.</summary>
public sealed record ReviewInput(
    int Overall, int Taste, int Packaging, int Delivery, IReadOnlyList<string> Tags, string? Text, bool Anonymous, IReadOnlyList<Guid>? PhotoIds = null);

public sealed record ReviewTagCount(string Tag, bool Praise, int Count);

/// <summary>The shop's 评价 tab: means (null with no review), counts of 5…1 overall stars, tag counts, newest reviews.</summary>
public sealed record ShopReviewsInfo(
    int Count, double? Overall, double? Taste, double? Packaging, double? Delivery, IReadOnlyList<int> StarCounts, IReadOnlyList<ReviewTagCount> Tags, IReadOnlyList<ReviewInfo> Newest,
    int WithPhotos = 0);

/// <summary>A delivered order's refunds (the API's OrderRefundView): the latest request, whether 申请退款 may be tapped and until when.</summary>
public sealed record OrderRefundInfo(RefundRequestInfo? Latest, bool CanRequest, DateTimeOffset? RequestUntil, long RefundedFen, long RefundableFen);

/// <summary>A refund request: Status is pending, approved, refunded or rejected; RefundAbnormal while an approved one's money is stuck.</summary>
public sealed record RefundRequestInfo(
    Guid Id, Guid OrderId, string Status, bool WholeOrder, IReadOnlyList<RefundLineInfo> Lines, string Reason, string ReasonText, string? Note,
    long AmountFen, DateTimeOffset RequestedAt, DateTimeOffset AutoApproveAt, DateTimeOffset? DecidedAt, bool ApprovedAutomatically, string? RejectReason,
    DateTimeOffset? RefundedAt, bool RefundAbnormal = false);

public sealed record RefundLineInfo(int Line, string Name, int Quantity, long AmountFen);

/// <summary>
/// An order's 催单 (the API's OrderUrgeView): MerchantAlert rings the board, RiderAlert marks the rider's card; CanUrge and
/// AvailableFrom (UTC) are the customer's only.
/// </summary>
public sealed record UrgeInfo(
    int Count, int MaxCount, DateTimeOffset? LastAt, string? HeardBy, bool MerchantAlert, bool RiderAlert, bool CanUrge = false, DateTimeOffset? AvailableFrom = null);

public sealed record OrderSummary(
    Guid Id, string Number, Guid MerchantId, string MerchantName, string Status, string StatusText, DateTimeOffset PlacedAt,
    string FirstItemName, int ItemCount, string Summary, long TotalFen, DateTimeOffset? PaymentDeadline, bool CanPay, bool CanReorder,
    string? RefundStatus = null);

public sealed record PaymentInfo(Guid PaymentId, Guid OrderId, long AmountFen, string Status, string PayUrl, DateTimeOffset ExpiresAt);

public sealed record OpeningSlotInput(string Day, string Open, string Close);

/// <summary>An API answer: the value on success, otherwise the status and the problem's message for people.</summary>
/// <summary>Problem is the first thing a failed call's problem says (what most screens show); Problems is all of it.</summary>
/// <summary>FieldProblems: a validation problem's first message per field, keyed by the field's JSON name ("phone").</summary>
public sealed record ApiResult<T>(
    int Status, T? Value, string? Problem, IReadOnlyList<string>? Problems = null, IReadOnlyDictionary<string, string>? FieldProblems = null)
{
    public bool Ok => Status is >= 200 and < 300 && Value is not null;

    /// <summary>A list answered as a bare array holds more than it gave (its Kaifan-More header).</summary>
    public bool More { get; init; }
}

/// <summary>RenewalNeeded: agreed under a policy text that has since changed this purpose; Granted is false until agreed again.</summary>
public sealed record ConsentStateInfo(string Purpose, bool Granted, DateTimeOffset? Since, string? PolicyVersion, bool RenewalNeeded);

public sealed record ConsentEventInfo(string Purpose, bool Granted, DateTimeOffset At, string PolicyVersion);

public sealed record ConsentsInfo(List<ConsentStateInfo> Purposes, List<ConsentEventInfo> History, string PolicyVersion)
{
    public bool Has(string purpose) => Purposes.Any(p => p.Purpose == purpose && p.Granted);

    public bool RenewalNeeded => Purposes.Any(p => p.RenewalNeeded);
}

public sealed record ZoneCentre(Guid Id, string Name, double CenterLat, double CenterLon);

public sealed record GeoPlace(double Latitude, double Longitude);

public sealed record RiderStatusInfo(bool Online, Guid? ZoneId, double? Latitude, double? Longitude, DateTimeOffset? At, DateTimeOffset? ShiftEndsAt);

/// <summary>A campus batch line as the ops console edits it; departures are Shanghai "HH:mm" times, earliest first.</summary>
public sealed record OpsBatchLine(Guid Id, Guid ZoneId, string Name, double Latitude, double Longitude, double RadiusMetres, IReadOnlyList<string> Departures, int HeldOrders);

public sealed record OpsBatchLineForm(string Name, double? Latitude, double? Longitude, double? RadiusMetres, IReadOnlyList<string> Departures);

public sealed record RiderProfileInfo(Guid RiderId, Guid HomeZoneId, string VehicleType, double SpeedKmh, double BatteryRangeKm, int Capacity, bool AcceptsStairs);

/// <summary>What a rider states they can do (我的装备), or an operator records for them; dispatch treats it as hard limits.</summary>
public sealed record RiderGear(string VehicleType, double BatteryRangeKm, int Capacity, bool AcceptsStairs)
{
    /// <summary>Only these run on a battery, so their range is 续航; for the others it is the farthest the rider goes. Dispatch bounds every route by it.</summary>
    public static bool HasBattery(string vehicleType) => vehicleType is "ebike" or "scooter";

    public static readonly IReadOnlyList<string> VehicleTypes = ["ebike", "bicycle", "scooter", "foot"];
}

public sealed record OfferedOrderInfo(Guid OrderId, Guid MerchantId, GeoPlace Pickup, double KilometresToDoor, DateTimeOffset ReadyEstimate, bool StairsNoLift, bool SpecialCare = false,
    string ServiceTier = "standard", DateTimeOffset? PromisedAt = null);

public sealed record OfferInfo(Guid OfferId, DateTimeOffset ExpiresAt, int SecondsLeft, double MinutesToMerchant, IReadOnlyList<OfferedOrderInfo> Orders);

public sealed record RiderTaskInfo(Guid OrderId, Guid MerchantId, GeoPlace Pickup, GeoPlace DropOff, DateTimeOffset ReadyEstimate, bool StairsNoLift, string Stage, DateTimeOffset? AssignedAt, bool SpecialCare = false,
    string ServiceTier = "standard", DateTimeOffset? PromisedAt = null);

public sealed record UserSummaryInfo(
    Guid UserId, string Role, string MaskedPhone, string? MaskedName, Guid? MerchantId, Guid? RiderId, DateTimeOffset? ErasedAt = null, bool Offboarded = false);

public sealed record OpsRiderInfo(
    Guid RiderId, Guid HomeZoneId, string VehicleType, int Capacity, double BatteryRangeKm, bool AcceptsStairs, bool Online, Guid? ZoneId, double? Latitude, double? Longitude,
    DateTimeOffset? SeenAt, int Load, bool Silent = false, bool Stalled = false, DateTimeOffset? StillSince = null, double? Rating = null, int RatingCount = 0,
    DateTimeOffset? ShiftEndsAt = null, int DeliveredToday = 0, DateTimeOffset? ErasedAt = null);

public sealed record StaffOrderPlace(string ContactName, string Phone, string Detail, double Latitude, double Longitude);

/// <summary>
/// The rider's and the operator's view of an order (masked address with coordinates, rider and delivery facts). Delivery
/// is what the customer chose (door or locker, LockerName the one chosen); DeliveryMethod and Locker are how it ended.
/// </summary>
public sealed record StaffOrderInfo(
    Guid Id, string Number, string Status, string StatusText, Guid MerchantId, string MerchantName, Guid ZoneId,
    IReadOnlyList<OrderLineInfo> Lines, long TotalFen, long DeliveryFeeFen, StaffOrderPlace Address, string? Note, Guid? RiderId,
    DateTimeOffset PlacedAt, DateTimeOffset? PaidAt, DateTimeOffset? ReadyAt, DateTimeOffset? PickedUpAt, DateTimeOffset? DeliveredAt,
    string? DeliveryMethod, string? Locker, DateTimeOffset? ArrivedAtCustomerAt = null, string Delivery = "door", string? LockerName = null, UrgeInfo? Urge = null,
    DeliveryExceptionInfo? DeliveryException = null);

/// <summary>
/// The order's last 配送异常 (the API's OrderExceptionView): Kind is pickup_failed, customer_unreachable, customer_refused or
/// road_blocked; Resolution once closed. Note (the rider's words) reaches staff only; RiderWaiting offers the customer 我在，马上到.
/// </summary>
public sealed record DeliveryExceptionInfo(
    string Kind, string KindText, string? Note, Guid? RiderId, DateTimeOffset ReportedAt, bool Open, bool Overdue, string? Resolution, DateTimeOffset? ResolvedAt,
    bool RiderWaiting, bool BackToDispatch);

/// <summary>A row of the ops console's 配送异常 queue.</summary>
public sealed record DeliveryExceptionRowInfo(
    Guid OrderId, string Number, string MerchantName, Guid ZoneId, string Status, Guid? RiderId, string Kind, string KindText, string? Note,
    DateTimeOffset ReportedAt, bool Overdue, bool PickedUp);

/// <summary>Past orders imported (or the demo's made-up past) for one zone: From and To are UTC hour starts.</summary>
public sealed record ImportedZoneInfo(Guid ZoneId, string ZoneName, DateTimeOffset From, DateTimeOffset To, int Hours, long Orders, string Source);

/// <summary>A shop's prep minutes per hour of day (Shanghai): what its kitchen took once learned, beside what it stated.</summary>
public sealed record PrepHourInfo(int Hour, int Samples, double? StatedMinutes, double? LearnedMinutes);

public sealed record PrepTimesInfo(Guid MerchantId, int CurrentHour, int MinSamples, int Weeks, IReadOnlyList<PrepHourInfo> Hours)
{
    /// <summary>
    /// Whole minutes, as the accept picker offers them, within what accepting allows (1–120); null while the current hour
    /// has too few orders.
    /// </summary>
    public int? LearnedNow => Hours.FirstOrDefault(h => h.Hour == CurrentHour)?.LearnedMinutes is { } m ? Math.Clamp((int)Math.Round(m), 1, 120) : null;
}
