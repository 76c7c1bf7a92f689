namespace Kaifan.Contracts.Queries;

/// <summary>Parcel lockers (外卖柜) of the delivery zones; owned by Catalog, which owns the zones.</summary>
public interface ILockerDirectory
{
    Task<LockerInfo?> GetAsync(Guid lockerId, CancellationToken ct);
}

public sealed record LockerInfo(Guid Id, Guid ZoneId, string Name, GeoPoint Location);
