namespace Kaifan.Contracts.Queries;

/// <summary>What other modules may learn about a customer from Identity, always for a reason.</summary>
public interface ICustomerDirectory
{
    /// <summary>The customer's own address, decrypted, or null when it is not theirs.</summary>
    Task<DeliveryAddress?> GetOwnAddressAsync(Guid customerId, Guid addressId, CancellationToken ct);
}

public sealed record DeliveryAddress(
    Guid Id,
    Guid ZoneId,
    string ContactName,
    string Phone,
    string Detail,
    GeoPoint Location,
    bool StairsNoLift);
