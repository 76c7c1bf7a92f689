namespace Kaifan.Growth.Presales;

/// <summary>
/// A pre-sale as the consoles list it. Status is open, closed, confirmed, released or cancelled; Joined counts the
/// paid portions, Taken also those still being paid for. ItemName names the fixed options (牛肉炒拉面（大份·微辣）) and
/// ListPriceFen includes their deltas; an order of the chain carries exactly OptionIds.
/// </summary>
internal sealed record PresaleView(
    Guid Id, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long PriceFen, int Stock, int Taken, int Joined,
    int PerCustomerLimit, int MinimumQuantity, DateTimeOffset CutoffAt, DateTimeOffset DeliverAt, int SlotMinutes, DateTimeOffset ReleaseAt,
    string? Note, string Status, IReadOnlyList<Guid> OptionIds)
{
    public static PresaleView Of(Presale p, DateTimeOffset now) => new(
        p.Id, p.MerchantId, p.MerchantName, p.ItemId, p.ItemName, p.ListPriceFen, p.PriceFen, p.Stock, p.Taken, p.Joined,
        p.PerCustomerLimit, p.MinimumQuantity, p.CutoffAt, p.DeliverAt, p.SlotMinutes, p.ReleaseAt, p.Note, p.StatusAt(now), p.OptionIds);
}
