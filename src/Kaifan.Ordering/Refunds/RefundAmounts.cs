using Kaifan.Ordering.Orders;

namespace Kaifan.Ordering.Refunds;

/// <summary>A piece of what is asked back: Quantity of the order's line number Line.</summary>
internal readonly record struct RefundAsk(int Line, int Quantity);

/// <summary>Why an ask cannot be priced; Field names the offending part of the request.</summary>
internal readonly record struct RefundAskRefusal(string Field, string Detail);

/// <summary>
/// What a refund comes to, from what was paid: a line's pieces carry their share of the discounts (the shop's 满减 and
/// 新客立减 and the coupon are spread
/// over the food in proportion to its price, rounded down), so lines never return more than was paid for them; fees
/// (packaging, delivery, service) come back only with the whole order, which returns all that is left. Earlier requests
/// that were not refused count against both the pieces and the money.
/// </summary>
internal static class RefundAmounts
{
    public static long Remaining(Order order, IEnumerable<RefundRequest> earlier) =>
        Math.Max(0, order.TotalFen - earlier.Where(r => r.Claims).Sum(r => r.AmountFen));

    public static (List<RefundLine> Lines, long AmountFen, RefundAskRefusal? Refused) Price(
        Order order, IReadOnlyList<RefundRequest> earlier, bool wholeOrder, IReadOnlyList<RefundAsk> asks)
    {
        var claimed = earlier.Where(r => r.Claims).SelectMany(r => r.Lines).GroupBy(l => l.Line).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        int Left(int line) => order.Lines[line].Quantity - claimed.GetValueOrDefault(line);
        var remaining = Remaining(order, earlier);

        if (wholeOrder)
        {
            var all = Enumerable.Range(0, order.Lines.Count).Where(i => Left(i) > 0).Select(i => Priced(order, i, Left(i))).ToList();
            return remaining == 0
                ? ([], 0, new("wholeOrder", "该订单已全额退款 (nothing is left to refund)"))
                : (all, remaining, null);
        }

        var lines = new List<RefundLine>();
        for (var k = 0; k < asks.Count; k++)
        {
            var (line, quantity) = asks[k];
            if (line < 0 || line >= order.Lines.Count)
            {
                return ([], 0, new($"lines[{k}].line", "订单中没有这一项 (no such line in the order)"));
            }

            if (lines.Any(l => l.Line == line))
            {
                return ([], 0, new($"lines[{k}].line", "同一商品只能选一次 (a line may be chosen once)"));
            }

            if (quantity > Left(line))
            {
                return ([], 0, new($"lines[{k}].quantity", $"{order.Lines[line].Name}最多可退{Math.Max(0, Left(line))}份 (at most {Math.Max(0, Left(line))} left to refund)"));
            }

            lines.Add(Priced(order, line, quantity));
        }

        // The rounding already keeps lines under what was paid; the cap says so for any order, whatever its discount.
        return (lines, Math.Min(lines.Sum(l => l.AmountFen), remaining), null);
    }

    private static RefundLine Priced(Order order, int line, int quantity) => new()
    {
        Line = line, Name = order.Lines[line].Name, Quantity = quantity,
        AmountFen = AfterDiscount(order, line, quantity, order.ShopDiscountFen + order.DiscountFen),
    };

    /// <summary>Quantity pieces of a line less their share of <paramref name="discountFen"/> off the food, rounded down.</summary>
    public static long AfterDiscount(Order order, int line, int quantity, long discountFen)
    {
        var ordered = order.Lines[line];
        var gross = ordered.LineTotalFen * quantity / ordered.Quantity;
        var itemsDiscount = Math.Min(discountFen, order.ItemsTotalFen);
        return order.ItemsTotalFen == 0 ? 0 : gross * (order.ItemsTotalFen - itemsDiscount) / order.ItemsTotalFen;
    }
}
