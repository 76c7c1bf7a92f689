using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Ordering.Pricing;

/// <summary>Why a requested line cannot be sold as asked. Codes are stable for clients; messages are for people.</summary>
internal static class LineReasons
{
    public const string Removed = "removed";
    public const string Unlisted = "unlisted";
    public const string SoldOut = "sold_out";
    public const string OptionGone = "option_gone";
    public const string OptionsInvalid = "options_invalid";
}

internal sealed record PricedOption(Guid Id, string Name);

/// <summary>
/// A 社群价 line keeps the menu's unit price in ListUnitPriceFen; MemberPortions of its Quantity are at the member price
/// (all of them when UnitPriceFen is below ListUnitPriceFen, else the line total carries the saving).
/// </summary>
internal sealed record PricedLine(
    int Index, Guid ItemId, string Name, IReadOnlyList<PricedOption> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen,
    long? ListUnitPriceFen = null, string? CommunityName = null, int MemberPortions = 0);

/// <summary>Invalid issues are the client's mistake (422 even in a quote); the others mean "no longer on sale like that".</summary>
internal sealed record LineIssue(int Index, Guid ItemId, string Name, string Reason, string Message, string Field)
{
    public bool Invalid => Reason == LineReasons.OptionsInvalid;

    /// <summary>409 when the menu is fine but the item cannot be had now; 422 when the request names what does not exist.</summary>
    public int PlacementStatus => Reason is LineReasons.Unlisted or LineReasons.SoldOut ? 409 : 422;
}

internal sealed record PricedCart(
    IReadOnlyList<PricedLine> Lines,
    IReadOnlyList<LineIssue> Issues,
    long ItemsTotalFen,
    long PackagingFeeFen,
    long DeliveryFeeFen,
    int TotalCalories,
    double DistanceKm,
    bool WithinRange,
    long MinimumOrderFen)
{
    public long TotalFen => ItemsTotalFen + PackagingFeeFen + DeliveryFeeFen;

    public long ShortOfMinimumFen => Math.Max(0, MinimumOrderFen - ItemsTotalFen);
}

/// <summary>Prices a cart from the merchant's current menu only; prices sent by a client never enter.</summary>
internal static class CartPricer
{
    public static PricedCart Price(MerchantQuote merchant, ZoneQuote zone, GeoPoint destination, IReadOnlyList<CartLineRequest> lines)
    {
        var items = merchant.Items.ToDictionary(i => i.Id);
        var priced = new List<PricedLine>();
        var issues = new List<LineIssue>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (!items.TryGetValue(line.ItemId, out var item))
            {
                issues.Add(new(index, line.ItemId, "", LineReasons.Removed, "商品不存在或已删除 (item no longer on the menu)", $"lines[{index}].itemId"));
                continue;
            }

            var result = PriceLine(index, item, line);
            if (result.Issue is { } issue)
            {
                issues.Add(issue);
            }
            else
            {
                priced.Add(result.Line!);
            }
        }

        var itemsTotal = priced.Sum(l => l.LineTotalFen);
        var fee = DeliveryFee.Compute(zone, merchant.Location.DistanceMetresTo(destination));
        return new PricedCart(
            priced,
            issues,
            itemsTotal,
            priced.Count == 0 ? 0 : merchant.PackagingFeeFen,
            priced.Count == 0 ? 0 : fee.FeeFen,
            priced.Sum(l => l.Calories * l.Quantity),
            fee.DistanceKm,
            fee.WithinRange,
            merchant.MinimumOrderFen);
    }

    private static (PricedLine? Line, LineIssue? Issue) PriceLine(int index, ItemQuote item, CartLineRequest line)
    {
        LineIssue Issue(string reason, string message, string field) => new(index, item.Id, item.Name, reason, message, $"lines[{index}].{field}");

        // Catalog flags a dish with no stock left unavailable too; that one is 已售罄, not 已下架.
        if (!item.IsAvailable && item.Stock != 0)
        {
            return (null, Issue(LineReasons.Unlisted, $"{item.Name} 已下架 (not on sale)", "itemId"));
        }

        if (item.Stock is { } stock && stock < line.Quantity)
        {
            return (null, Issue(LineReasons.SoldOut, stock == 0 ? $"{item.Name} 已售罄 (sold out)" : $"{item.Name} 库存仅剩{stock}份 (only {stock} left)", "itemId"));
        }

        var choice = OptionChoice.Of(item, line.OptionIds ?? []);
        var problem = choice.Problem switch
        {
            OptionChoiceProblem.NotOffered => Issue(LineReasons.OptionGone, $"{item.Name} 的规格已变更 (an option is no longer offered)", "optionIds"),
            OptionChoiceProblem.Repeated => Issue(LineReasons.OptionsInvalid, "规格重复 (an option is chosen twice)", "optionIds"),
            OptionChoiceProblem.Unanswered => Issue(LineReasons.OptionsInvalid, $"请选择{choice.Group!.Name} (choose {choice.Group.Name})", "optionIds"),
            OptionChoiceProblem.TooMany => Issue(
                LineReasons.OptionsInvalid, $"{choice.Group!.Name}最多选{OptionChoice.MaxChoices(choice.Group)}项 (too many choices)", "optionIds"),
            _ => null,
        };
        if (problem is not null)
        {
            return (null, problem);
        }

        var unitPrice = item.PriceFen + choice.Options.Sum(o => o.PriceDeltaFen);
        var calories = item.Calories + choice.Options.Sum(o => o.CaloriesDelta);
        var ordered = choice.Options.Select(o => new PricedOption(o.Id, o.Name)).ToList();
        return (new PricedLine(index, item.Id, item.Name, ordered, unitPrice, line.Quantity, calories, unitPrice * line.Quantity), null);
    }
}

internal readonly record struct DeliveryFeeQuote(long FeeFen, double DistanceKm, bool WithinRange);

internal static class DeliveryFee
{
    /// <summary>
    /// Base fee plus a per-km fee beyond the free distance; the straight-line distance is rounded up to
    /// 0.1 km and the fee up to a whole fen, so the customer never sees a fraction.
    /// </summary>
    public static DeliveryFeeQuote Compute(ZoneQuote zone, double distanceMetres)
    {
        var tenths = (long)Math.Ceiling(Math.Round(distanceMetres, 6) / 100);
        var freeTenths = (long)Math.Round(zone.FreeDistanceKm * 10);
        var chargeable = Math.Max(0, tenths - freeTenths);
        var fee = zone.BaseDeliveryFeeFen + (zone.FeePerKmFen * chargeable + 9) / 10;
        var withinRange = tenths <= (long)Math.Round(zone.MaxDistanceKm * 10);
        return new DeliveryFeeQuote(fee, tenths / 10.0, withinRange);
    }
}
