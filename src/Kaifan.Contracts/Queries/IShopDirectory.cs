namespace Kaifan.Contracts.Queries;

/// <summary>A zone's shops as a shelf sees them (猜你喜欢): what to draw on a small card and whether it takes orders now.</summary>
public interface IShopDirectory
{
    Task<IReadOnlyList<ShopSummary>> ListZoneShopsAsync(Guid zoneId, CancellationToken ct);
}

public sealed record ShopSummary(Guid Id, string Name, string LogoEmoji, double Rating, int MonthlySales, bool IsOpenNow);
