namespace Kaifan.Contracts.Queries;

/// <summary>
/// A rider's or a merchant's real phone, from Identity, for one purpose only: binding it to a 号码保护 relay number so
/// the other party of an order can call without ever seeing it. Nothing shows or stores the result in clear.
/// </summary>
public interface IStaffPhones
{
    /// <summary>The phone of the rider's account; null when it is gone (erased) or unknown.</summary>
    Task<string?> RiderPhoneAsync(Guid riderId, CancellationToken ct);

    /// <summary>The phone of the merchant's first staff account (the one onboarded with the shop); null when it has none.</summary>
    Task<string?> MerchantPhoneAsync(Guid merchantId, CancellationToken ct);
}
