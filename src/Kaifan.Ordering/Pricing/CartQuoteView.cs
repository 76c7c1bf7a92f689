namespace Kaifan.Ordering.Pricing;

internal sealed record OptionView(Guid Id, string Name);

internal sealed record QuoteLineView(int Index, Guid ItemId, string Name, IReadOnlyList<OptionView> Options, long UnitPriceFen, int Quantity, int Calories, long LineTotalFen);

/// <summary>A requested line that cannot be sold as asked; `reason` is a stable code, `message` is for people.</summary>
internal sealed record UnavailableLineView(int Index, Guid ItemId, string Name, string Reason, string Message);

internal sealed record CartQuoteView(
    Guid MerchantId,
    string MerchantName,
    bool MerchantOpen,
    IReadOnlyList<QuoteLineView> Lines,
    IReadOnlyList<UnavailableLineView> Unavailable,
    long ItemsTotalFen,
    long PackagingFeeFen,
    long DeliveryFeeFen,
    long TotalFen,
    int TotalCalories,
    double DistanceKm,
    long MinimumOrderFen,
    long ShortOfMinimumFen,
    bool CanPlace)
{
    public static CartQuoteView From(CartQuote quote)
    {
        var cart = quote.Cart;
        return new CartQuoteView(
            quote.Merchant.Id,
            quote.Merchant.Name,
            quote.Merchant.IsOpenNow,
            cart.Lines.Select(l => new QuoteLineView(l.Index, l.ItemId, l.Name, l.Options.Select(o => new OptionView(o.Id, o.Name)).ToList(), l.UnitPriceFen, l.Quantity, l.Calories, l.LineTotalFen)).ToList(),
            cart.Issues.Select(i => new UnavailableLineView(i.Index, i.ItemId, i.Name, i.Reason, i.Message)).ToList(),
            cart.ItemsTotalFen,
            cart.PackagingFeeFen,
            cart.DeliveryFeeFen,
            cart.TotalFen,
            cart.TotalCalories,
            cart.DistanceKm,
            cart.MinimumOrderFen,
            cart.ShortOfMinimumFen,
            CartQuoting.PlacementBlocker(quote) is null);
    }
}
