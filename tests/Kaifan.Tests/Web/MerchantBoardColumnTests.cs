using Kaifan.Web.Api;
using Kaifan.Web.Components.Merchant.Parts;
using OrderStatus = Kaifan.Ordering.Orders.OrderStatus;

namespace Kaifan.Tests.Web;

/// <summary>Every status Ordering can give a shop's order lands in exactly one board column, the kitchen's 出餐 deciding 备餐中 / 待取餐.</summary>
public sealed class MerchantBoardColumnTests
{
    [Fact]
    public void every_status_the_merchant_api_returns_stands_in_exactly_one_column()
    {
        // The merchant API leaves out AwaitingPayment (not the shop's until paid), AwaitingGroup (a 拼团 order is the
        // shop's once its group forms) and AwaitingPresale (a 预售 order is the shop's once released on delivery day); both
        // then await acceptance.
        foreach (var status in Enum.GetNames<OrderStatus>()
                     .Where(s => s is not (nameof(OrderStatus.AwaitingPayment) or nameof(OrderStatus.AwaitingGroup) or nameof(OrderStatus.AwaitingPresale))))
        {
            foreach (var readyAt in new DateTimeOffset?[] { null, DateTimeOffset.UnixEpoch })
            {
                var column = BoardColumns.Of(Order(status, readyAt));
                column.ShouldNotBeNull($"{status} (ready {readyAt is not null}) has no column");
                BoardColumns.All.Count(c => c == column).ShouldBe(1, $"{status} lands in {column}");
            }
        }
    }

    [Theory]
    [InlineData("AwaitingAcceptance", false, "AwaitingAcceptance")]
    [InlineData("Accepted", false, "Accepted")]
    [InlineData("RiderAssigned", false, "Accepted")]
    [InlineData("ArrivedAtMerchant", false, "Accepted")]
    [InlineData("Ready", true, "Ready")]
    [InlineData("RiderAssigned", true, "Ready")]
    [InlineData("ArrivedAtMerchant", true, "Ready")]
    [InlineData("PickedUp", true, "Done")]
    [InlineData("Delivered", true, "Done")]
    [InlineData("Cancelled", false, "Cancelled")]
    public void a_rider_on_the_way_or_at_the_counter_leaves_the_order_with_the_kitchen_until_it_is_marked_ready(string status, bool ready, string expected)
    {
        var order = Order(status, ready ? DateTimeOffset.UnixEpoch : null);

        BoardColumns.Of(order).ShouldBe(expected);
        BoardColumns.AwaitsReady(order).ShouldBe(expected == "Accepted", "出餐 is offered exactly while the food is owed");
    }

    [Fact]
    public void an_unpaid_order_is_not_on_the_board() => BoardColumns.Of(Order("AwaitingPayment", null)).ShouldBeNull();

    private static OrderInfo Order(string status, DateTimeOffset? readyAt)
    {
        var at = DateTimeOffset.UnixEpoch;
        return new OrderInfo(
            Guid.NewGuid(), "1", status, status, Guid.NewGuid(), "面馆", [], 2300, 100, 300, 2900, 800,
            new OrderAddress("张三", "13800000001", "东区1号楼"), null, 1, 10, at, at, at, at, readyAt, null, null,
            [], false, false);
    }
}
