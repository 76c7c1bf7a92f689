namespace Kaifan.Contracts.Events;

/// <summary>ServiceTier is one of <see cref="ServiceTiers"/>'s names.</summary>
public sealed record OrderPlaced(
    Guid OrderId, Guid CustomerId, Guid MerchantId, Guid ZoneId, long TotalFen, DateTimeOffset PlacedAt, string ServiceTier = ServiceTiers.Standard);

public sealed record OrderPaid(Guid OrderId, Guid MerchantId, DateTimeOffset PaidAt);

public sealed record OrderAccepted(Guid OrderId, Guid MerchantId, Guid ZoneId, int PrepMinutes, DateTimeOffset AcceptedAt);

public sealed record OrderReady(Guid OrderId, Guid MerchantId, Guid ZoneId, DateTimeOffset ReadyAt);

/// <summary>RefundDue is true when the customer had paid and must get the money back.</summary>
public sealed record OrderCancelled(Guid OrderId, Guid MerchantId, string Reason, bool RefundDue, DateTimeOffset CancelledAt);
