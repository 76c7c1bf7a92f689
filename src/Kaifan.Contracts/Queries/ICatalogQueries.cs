namespace Kaifan.Contracts.Queries;

/// <summary>What Ordering needs from Catalog to price a cart on the server and hold stock.</summary>
public interface ICatalogQueries
{
    Task<MerchantQuote?> GetMerchantForOrderingAsync(Guid merchantId, CancellationToken ct);

    Task<ZoneQuote?> GetZoneAsync(Guid zoneId, CancellationToken ct);

    Task<IReadOnlyList<ZoneQuote>> ListZonesAsync(CancellationToken ct);
}

public sealed record MerchantQuote(
    Guid Id,
    string Name,
    Guid ZoneId,
    GeoPoint Location,
    bool IsOpenNow,
    long PackagingFeeFen,
    long MinimumOrderFen,
    IReadOnlyList<ItemQuote> Items,
    ShopPromotions? Promotions = null);

public sealed record ItemQuote(
    Guid Id,
    string Name,
    long PriceFen,
    int Calories,
    bool IsAvailable,
    int? Stock,
    IReadOnlyList<OptionGroupQuote> OptionGroups);

public sealed record OptionGroupQuote(Guid Id, string Name, bool Required, int MaxChoices, IReadOnlyList<OptionQuote> Options);

public sealed record OptionQuote(Guid Id, string Name, long PriceDeltaFen, int CaloriesDelta);

public sealed record ZoneQuote(Guid Id, string Name, long BaseDeliveryFeeFen, long FeePerKmFen, double FreeDistanceKm, double MaxDistanceKm);

/// <summary>Stock is held when an order is placed and released when it is cancelled.</summary>
public interface IStockReservations
{
    /// <summary>Atomically takes stock for every line, or nothing; returns the items that were short.</summary>
    Task<StockReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockLine> lines, CancellationToken ct);

    /// <summary>Idempotent: releasing twice returns the stock once.</summary>
    Task ReleaseAsync(Guid orderId, CancellationToken ct);
}

public sealed record StockLine(Guid ItemId, int Quantity);

public sealed record StockReservationResult(bool Succeeded, IReadOnlyList<Guid> ShortItemIds);
