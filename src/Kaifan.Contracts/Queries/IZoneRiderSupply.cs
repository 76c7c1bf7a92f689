namespace Kaifan.Contracts.Queries;

/// <summary>Riders online per zone right now, for staffing and pre-positioning; owned by Dispatch.</summary>
public interface IZoneRiderSupply
{
    Task<IReadOnlyList<ZoneRiders>> OnlineRidersAsync(CancellationToken ct);
}

/// <summary>Idle riders are online and carry no order.</summary>
public sealed record ZoneRiders(Guid ZoneId, int Online, int Idle);
