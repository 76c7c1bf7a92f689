using Kaifan.Ordering.Merchant;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Refunds;

namespace Kaifan.Tests.Ordering;

/// <summary>预计收入 on hand-made orders: what the shop pays for comes off, what the platform pays for does not.</summary>
public sealed class MerchantIncomeTests
{
    private static readonly DateTimeOffset Placed = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    // ¥40 of dishes (2 × ¥12 and 1 × ¥16), ¥2 packaging, ¥3 delivery, ¥1 service; 满40减8 from the shop, a ¥5 platform coupon.
    private static Order DiscountedOrder() => new()
    {
        Id = Guid.CreateVersion7(),
        Number = "20261128000001",
        MerchantName = "测试店",
        ContactNameProtected = "x",
        PhoneProtected = "x",
        AddressDetailProtected = "x",
        PlacedAt = Placed,
        PaymentDeadline = Placed.AddMinutes(15),
        Lines =
        [
            new OrderLine { Name = "牛肉面", UnitPriceFen = 1200, Quantity = 2, LineTotalFen = 2400 },
            new OrderLine { Name = "凉拌牛肉", UnitPriceFen = 1600, Quantity = 1, LineTotalFen = 1600 },
        ],
        ItemsTotalFen = 4000,
        PackagingFeeFen = 200,
        DeliveryFeeFen = 300,
        ServiceFeeFen = 100,
        ShopDiscountFen = 800,
        DiscountFen = 500,
        TotalFen = 4000 + 200 + 300 + 100 - 800 - 500,
    };

    private static RefundRequest Asked(Order order, bool wholeOrder = false, string reason = "missing", params (int Line, int Quantity)[] lines) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = order.Id,
        WholeOrder = wholeOrder,
        Reason = reason,
        Lines = lines.Select(l => new RefundLine { Line = l.Line, Name = order.Lines[l.Line].Name, Quantity = l.Quantity }).ToList(),
        RequestedAt = Placed.AddHours(1),
    };

    [Fact]
    public void the_shops_own_discount_comes_off_and_the_platform_coupon_and_fees_do_not()
    {
        MerchantIncome.Of(DiscountedOrder(), []).ShouldBe(4000 - 800 + 200);
    }

    [Fact]
    public void an_approved_line_refund_takes_back_its_dishes_at_the_shops_discounted_price_and_an_open_or_refused_one_nothing()
    {
        var order = DiscountedOrder();
        var approved = Asked(order, lines: (0, 1));
        approved.Approve(Placed.AddHours(2), automatically: false).ShouldBeTrue();
        var open = Asked(order, lines: (1, 1));
        var refused = Asked(order, lines: (1, 1));
        refused.Reject("已送达", Placed.AddHours(2)).ShouldBeTrue();

        // One ¥12 bowl is ¥9.60 of what the shop keeps after its ¥8 off ¥40; the coupon's share is the platform's.
        MerchantIncome.Of(order, [approved, open, refused]).ShouldBe(4000 - 800 + 200 - 960);
    }

    [Fact]
    public void a_whole_order_refund_or_a_cancellation_leaves_nothing_and_a_photo_cashback_is_not_the_shops()
    {
        var order = DiscountedOrder();
        var whole = Asked(order, wholeOrder: true);
        whole.Approve(Placed.AddHours(2), automatically: true).ShouldBeTrue();
        MerchantIncome.Of(order, [whole]).ShouldBe(0);

        var cashback = RefundRequest.Cashback(Guid.CreateVersion7(), order, 300, Placed.AddHours(3));
        MerchantIncome.Of(order, [cashback]).ShouldBe(4000 - 800 + 200);

        order.CancelByCustomer("不想要了", Placed.AddMinutes(1)).Done.ShouldBeTrue();
        MerchantIncome.Of(order, []).ShouldBe(0);
    }
}
