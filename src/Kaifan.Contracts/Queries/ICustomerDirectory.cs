namespace Kaifan.Contracts.Queries;

/// <summary>What other modules may learn about a customer from Identity, always for a reason.</summary>
public interface ICustomerDirectory
{
    /// <summary>The customer's own address, decrypted, or null when it is not theirs.</summary>
    Task<DeliveryAddress?> GetOwnAddressAsync(Guid customerId, Guid addressId, CancellationToken ct);

    /// <summary>Whether the customer keeps a delivery address in the zone (a 社群 of one dorm zone admits only them).</summary>
    Task<bool> HasAddressInZoneAsync(Guid customerId, Guid zoneId, CancellationToken ct);

    /// <summary>Names as anyone but their owner may see them (张三 → 张*); a customer without a name is absent.</summary>
    Task<IReadOnlyDictionary<Guid, string>> MaskedNamesAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct);
}

public sealed record DeliveryAddress(
    Guid Id,
    Guid ZoneId,
    string ContactName,
    string Phone,
    string Detail,
    GeoPoint Location,
    bool StairsNoLift);
