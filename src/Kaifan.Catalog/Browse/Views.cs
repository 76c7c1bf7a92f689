using Kaifan.Catalog.Model;
using Kaifan.Contracts;

namespace Kaifan.Catalog.Browse;

internal sealed record ZoneView(Guid Id, string Name, double CenterLat, double CenterLon, long BaseDeliveryFeeFen, long FeePerKmFen, double FreeDistanceKm, double MaxDistanceKm);

/// <summary>A 附近商家 card; NextOpensAt is local "HH:mm" when the shop is closed by its hours.</summary>
internal sealed record MerchantCard(
    Guid Id,
    Guid ZoneId,
    string Name,
    string LogoEmoji,
    double Rating,
    int MonthlySales,
    long MinimumOrderFen,
    long DeliveryFeeFromFen,
    double DistanceKm,
    bool IsOpenNow,
    bool IsPaused,
    string? NextOpensAt,
    string Announcement,
    int ReviewCount = 0,
    int DeliveryMinutes = 0,
    ShopPromotions? Promotions = null);

internal sealed record MenuView(MerchantHeader Merchant, IReadOnlyList<CategoryView> Categories);

internal sealed record MerchantHeader(
    Guid Id,
    Guid ZoneId,
    string Name,
    string LogoEmoji,
    double Rating,
    int MonthlySales,
    long MinimumOrderFen,
    long DeliveryFeeFromFen,
    long PackagingFeeFen,
    bool IsOpenNow,
    bool IsPaused,
    string? NextOpensAt,
    string Announcement,
    IReadOnlyList<SlotView> OpeningHours,
    int ReviewCount = 0,
    ShopPromotions? Promotions = null);

internal sealed record SlotView(string Day, string Open, string Close);

internal sealed record CategoryView(Guid Id, string Name, int Sort, IReadOnlyList<ItemView> Items);

internal sealed record ItemView(
    Guid Id,
    Guid CategoryId,
    string Name,
    string Description,
    long PriceFen,
    int Calories,
    bool SoldOut,
    int? Stock,
    bool IsListed,
    int MonthlySales,
    IReadOnlyList<OptionGroupView> OptionGroups);

internal sealed record OptionGroupView(Guid Id, string Name, bool Required, int MaxChoices, IReadOnlyList<OptionView> Options);

internal sealed record OptionView(Guid Id, string Name, long PriceDeltaFen, int CaloriesDelta);

internal static class Views
{
    public static ZoneView ToView(this Zone z) =>
        new(z.Id, z.Name, z.CenterLat, z.CenterLon, z.BaseDeliveryFeeFen, z.FeePerKmFen, z.FreeDistanceKm, z.MaxDistanceKm);

    /// <summary>Base fee covers the free distance; every started kilometre beyond it costs FeePerKmFen.</summary>
    public static long DeliveryFeeFen(Zone zone, double distanceKm) =>
        zone.BaseDeliveryFeeFen + ((long)Math.Ceiling(Math.Max(0, distanceKm - zone.FreeDistanceKm)) * zone.FeePerKmFen);

    public static MerchantCard ToCard(this Merchant m, Zone zone, double distanceKm, DateTime local) =>
        new(
            m.Id,
            m.ZoneId,
            m.Name,
            m.LogoEmoji,
            m.Rating,
            m.MonthlySales,
            m.MinimumOrderFen,
            DeliveryFeeFen(zone, distanceKm),
            Math.Round(distanceKm, 2),
            OpeningHours.IsOpen(m.IsPaused, m.OpeningSlots, local),
            m.IsPaused,
            OpeningHours.NextOpensAt(m.IsPaused, m.OpeningSlots, local),
            m.Announcement,
            m.ReviewCount,
            Promotions: m.Promotions());

    public static MerchantHeader ToHeader(this Merchant m, Zone zone, DateTime local) =>
        new(
            m.Id,
            m.ZoneId,
            m.Name,
            m.LogoEmoji,
            m.Rating,
            m.MonthlySales,
            m.MinimumOrderFen,
            DeliveryFeeFen(zone, m.Location.DistanceMetresTo(zone.Center) / 1000),
            m.PackagingFeeFen,
            OpeningHours.IsOpen(m.IsPaused, m.OpeningSlots, local),
            m.IsPaused,
            OpeningHours.NextOpensAt(m.IsPaused, m.OpeningSlots, local),
            m.Announcement,
            m.OpeningSlots
                .OrderBy(s => ((int)s.Day + 6) % 7)
                .ThenBy(s => s.Open)
                .Select(s => new SlotView(s.Day.ToString(), s.Open.ToString("HH:mm"), s.Close.ToString("HH:mm")))
                .ToList(),
            m.ReviewCount,
            m.Promotions());

    public static List<CategoryView> ToCategories(IEnumerable<Category> categories, IEnumerable<Item> items)
    {
        var byCategory = items.ToLookup(i => i.CategoryId);
        return categories
            .OrderBy(c => c.Sort)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CategoryView(c.Id, c.Name, c.Sort, byCategory[c.Id].OrderBy(i => i.Sort).ThenBy(i => i.Name, StringComparer.Ordinal).Select(ToView).ToList()))
            .ToList();
    }

    public static ItemView ToView(this Item i) =>
        new(
            i.Id,
            i.CategoryId,
            i.Name,
            i.Description,
            i.PriceFen,
            i.Calories,
            i.Stock == 0,
            i.Stock,
            i.IsListed,
            i.MonthlySales,
            i.OptionGroups
                .OrderBy(g => g.Sort)
                .Select(g => new OptionGroupView(g.Id, g.Name, g.Required, g.MaxChoices, g.Options.OrderBy(o => o.Sort).Select(o => new OptionView(o.Id, o.Name, o.PriceDeltaFen, o.CaloriesDelta)).ToList()))
                .ToList());
}
