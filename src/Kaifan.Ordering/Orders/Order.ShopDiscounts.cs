namespace Kaifan.Ordering.Orders;

/// <summary>
/// The shop's own discounts (满减, 新客立减) as checkout applied them when the order was placed, one line each, already
/// taken off TotalFen. The shop funds them, so they stay apart from the platform's coupon (DiscountFen); a later change
/// of the shop's rules never touches them.
/// </summary>
internal sealed partial class Order
{
    public List<ShopDiscount> ShopDiscounts { get; init; } = [];

    public long ShopDiscountFen { get; init; }
}

internal sealed class ShopDiscount
{
    /// <summary>ShopPromotions.FullReductionKind or ShopPromotions.NewCustomerKind.</summary>
    public required string Kind { get; init; }

    /// <summary>What the price line says: 满30减5, 新客立减.</summary>
    public required string Label { get; init; }

    public long AmountFen { get; init; }
}
