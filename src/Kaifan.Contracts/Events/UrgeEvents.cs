namespace Kaifan.Contracts.Events;

/// <summary>Who a 催单 goes to: the shop while the food is not yet picked up, the rider once they carry it.</summary>
public static class UrgeAudience
{
    public const string Merchant = "merchant";
    public const string Rider = "rider";
}

/// <summary>
/// The customer urged a late order (催单), the Count-th time. HeardBy is one of <see cref="UrgeAudience"/>'s names;
/// RiderId is set when the rider hears it.
/// </summary>
public sealed record OrderUrged(Guid OrderId, Guid MerchantId, Guid? RiderId, string HeardBy, int Count, DateTimeOffset UrgedAt);

/// <summary>The shop handled the 催单 (知道了, or 出餐): its consoles stop ringing for it.</summary>
public sealed record OrderUrgeHandled(Guid OrderId, Guid MerchantId, DateTimeOffset HandledAt);
