using System.Globalization;
using Kaifan.Contracts.Queries;
using Kaifan.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Web.Shopping;

/// <summary>One cart line as the shopper picked it: a dish, how many, which options.</summary>
public sealed record CartEntry(Guid ItemId, int Quantity, IReadOnlyList<Guid> OptionIds)
{
    public string Key => ItemId.ToString("N") + string.Concat(OptionIds.Order().Select(o => "." + o.ToString("N")));
}

/// <summary>
/// A priced cart line for the cart bar and sheet (display only: the server prices the order again). MemberPortions of
/// it are at the 社群价, each MemberSavingFen / MemberPortions below the menu's price.
/// </summary>
public sealed record PricedEntry(CartEntry Entry, ItemInfo Item, IReadOnlyList<OptionInfo> Options, long UnitPriceFen, int UnitCalories)
{
    public int MemberPortions { get; init; }

    public long MemberSavingFen { get; init; }

    public long LineFen => (UnitPriceFen * Entry.Quantity) - MemberSavingFen;

    public string OptionText => string.Join("/", Options.Select(o => o.Name));
}

public sealed record CartTotals(
    IReadOnlyList<PricedEntry> Lines, int Count, long ItemsFen, int Calories, long MinimumOrderFen, long DeliveryFeeFen, long PackagingFeeFen)
{
    public long ShortOfMinimumFen => Math.Max(0, MinimumOrderFen - ItemsFen);

    public bool CanCheckout => Count > 0 && ShortOfMinimumFen == 0;

    public int CountIn(Guid categoryId) => Lines.Where(l => l.Item.CategoryId == categoryId).Sum(l => l.Entry.Quantity);

    public int CountOf(Guid itemId) => Lines.Where(l => l.Item.Id == itemId).Sum(l => l.Entry.Quantity);
}

/// <summary>The per-shop cart, kept in a cookie so the shopper app needs no server circuit.</summary>
public static class Cart
{
    public const int MaxLines = 30;

    /// <summary>Units of one line; the API refuses more.</summary>
    public const int MaxQuantity = 99;

    /// <summary>
    /// The cart at menu prices, with the customer's 社群价 by checkout's own rule (<see cref="MemberPortions"/>): a member's
    /// dish at the member price, options at their deltas, for at most the offer's limit of portions an order.
    /// </summary>
    public static CartTotals Price(MenuInfo menu, IEnumerable<CartEntry> entries, IReadOnlyList<ShopCommunityPriceInfo>? communityPrices = null)
    {
        var items = menu.Categories.SelectMany(c => c.Items).ToDictionary(i => i.Id);

        // A dish gone from the menu or sold out leaves the bar; checkout's quote says so again.
        var onSale = entries.Where(e => items.TryGetValue(e.ItemId, out var item) && !item.SoldOut).ToList();
        var offers = (communityPrices ?? []).Where(p => p.IsMember)
            .Select(p => new CommunityPriceQuote(p.Id, p.CommunityId, p.CommunityName, p.ItemId, p.MemberPriceFen, p.LimitPerOrder));
        var shares = MemberPortions.Of(onSale.Select(e => (e.ItemId, e.Quantity)), items.ToDictionary(i => i.Key, i => i.Value.PriceFen), offers);
        var lines = onSale.Select((entry, i) =>
        {
            var item = items[entry.ItemId];
            var options = item.OptionGroups.SelectMany(g => g.Options).Where(o => entry.OptionIds.Contains(o.Id)).ToList();
            return new PricedEntry(entry, item, options, item.PriceFen + options.Sum(o => o.PriceDeltaFen), item.Calories + options.Sum(o => o.CaloriesDelta))
            {
                MemberPortions = shares[i].Portions,
                MemberSavingFen = shares[i].SavingFen,
            };
        }).ToList();

        var m = menu.Merchant;
        return new CartTotals(
            lines,
            lines.Sum(l => l.Entry.Quantity),
            lines.Sum(l => l.LineFen),
            lines.Sum(l => l.UnitCalories * l.Entry.Quantity),
            m.MinimumOrderFen,
            m.DeliveryFeeFromFen,
            lines.Count == 0 ? 0 : m.PackagingFeeFen);
    }

    /// <summary>Adds (or with a negative delta removes) units of one line; lines reaching zero disappear.</summary>
    public static List<CartEntry> Change(IEnumerable<CartEntry> entries, CartEntry change)
    {
        var list = entries.ToList();
        var at = list.FindIndex(e => e.Key == change.Key);
        if (at < 0)
        {
            if (change.Quantity > 0 && list.Count < MaxLines)
            {
                list.Add(change with { Quantity = Math.Min(MaxQuantity, change.Quantity) });
            }

            return list;
        }

        var quantity = Math.Clamp(list[at].Quantity + change.Quantity, 0, MaxQuantity);
        if (quantity == 0)
        {
            list.RemoveAt(at);
        }
        else
        {
            list[at] = list[at] with { Quantity = quantity };
        }

        return list;
    }

    /// <summary>True when adding <paramref name="change"/> stopped short at <see cref="MaxQuantity"/>.</summary>
    public static bool HitLimit(IEnumerable<CartEntry> before, IEnumerable<CartEntry> after, CartEntry change) =>
        change.Quantity > 0
        && after.FirstOrDefault(e => e.Key == change.Key) is { Quantity: MaxQuantity }
        && (before.FirstOrDefault(e => e.Key == change.Key)?.Quantity ?? 0) + change.Quantity > MaxQuantity;

    public static string CookieName(Guid merchantId) => "kaifan_cart_" + merchantId.ToString("N");

    public static List<CartEntry> Read(IRequestCookieCollection cookies, Guid merchantId) =>
        Parse(cookies[CookieName(merchantId)]);

    public static void Write(HttpContext http, Guid merchantId, IReadOnlyList<CartEntry> entries)
    {
        if (entries.Count == 0)
        {
            http.Response.Cookies.Delete(CookieName(merchantId), new CookieOptions { Path = "/m" });
            return;
        }

        http.Response.Cookies.Append(CookieName(merchantId), Format(entries), new CookieOptions
        {
            Path = "/m",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(2),
            IsEssential = true,
        });
    }

    /// <summary>"item*qty*opt.opt~item*qty" with ids as 32 hex digits: cookie-safe and compact.</summary>
    public static string Format(IEnumerable<CartEntry> entries) =>
        string.Join("~", entries.Select(e => $"{e.ItemId:N}*{e.Quantity.ToString(CultureInfo.InvariantCulture)}*{string.Join(".", e.OptionIds.Select(o => o.ToString("N")))}"));

    public static List<CartEntry> Parse(string? value)
    {
        var entries = new List<CartEntry>();
        foreach (var part in (value ?? "").Split('~', StringSplitOptions.RemoveEmptyEntries).Take(MaxLines))
        {
            var fields = part.Split('*');
            if (fields.Length != 3 || !Guid.TryParseExact(fields[0], "N", out var itemId)
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 99)
            {
                continue;
            }

            var options = new List<Guid>();
            foreach (var o in fields[2].Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Guid.TryParseExact(o, "N", out var optionId))
                {
                    options.Add(optionId);
                }
            }

            entries.Add(new CartEntry(itemId, quantity, options));
        }

        return entries;
    }
}
