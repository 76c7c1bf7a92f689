using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Recommendations;

internal sealed record ShownShopExport(Guid MerchantId, DateTimeOffset ShownAt, DateTimeOffset? ClickedAt, Guid? ConvertedOrderId);

internal sealed record OrderedShopExport(Guid OrderId, Guid MerchantId, DateTimeOffset PlacedAt);

internal sealed record RecommendationsExport(IReadOnlyList<ShownShopExport> ShownShops, IReadOnlyList<OrderedShopExport> OrderedShops);

/// <summary>猜你喜欢's memory of the customer: the shops shown to them (and clicked, ordered from) and the orders it learns their taste from.</summary>
internal sealed class RecommendationsDataExport(InsightsDb db) : IPersonalDataExport
{
    public string Section => "recommendations";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var shown = await db.ShopImpressions.AsNoTracking().Where(i => i.CustomerId == userId).ToListAsync(ct);
        var ordered = await db.ShopOrders.AsNoTracking().Where(o => o.CustomerId == userId).ToListAsync(ct);
        if (shown.Count == 0 && ordered.Count == 0)
        {
            return null;
        }

        return new RecommendationsExport(
            shown.OrderBy(i => i.ShownAt).Select(i => new ShownShopExport(i.MerchantId, i.ShownAt, i.ClickedAt, i.ConvertedOrderId)).ToList(),
            ordered.OrderBy(o => o.PlacedAt).Select(o => new OrderedShopExport(o.OrderId, o.MerchantId, o.PlacedAt)).ToList());
    }
}

/// <summary>The link to the customer goes; shops keep their counts (shown, ordered), which say nothing about who.</summary>
internal sealed class RecommendationsErasure(InsightsDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        await db.ShopImpressions.Where(i => i.CustomerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, (Guid?)null), ct);
        await db.ShopOrders.Where(o => o.CustomerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, (Guid?)null), ct);
    }
}
