using Kaifan.Ordering.Orders;

namespace Kaifan.Tests.Ordering;

public sealed class OrderStateMachineTests
{
    private static readonly DateTimeOffset Placed = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static Order NewOrder() => new()
    {
        Id = Guid.CreateVersion7(),
        Number = "20261128000001",
        MerchantName = "测试店",
        ContactNameProtected = "x",
        PhoneProtected = "x",
        AddressDetailProtected = "x",
        PlacedAt = Placed,
        PaymentDeadline = Placed.AddMinutes(15),
    };

    [Fact]
    public void an_order_walks_from_payment_to_ready_and_each_step_bumps_its_version()
    {
        var order = NewOrder();
        order.MarkPaid(Placed.AddMinutes(1)).Done.ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.AwaitingAcceptance);
        order.Accept(15, Placed.AddMinutes(2)).Done.ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Accepted);
        order.PrepMinutes.ShouldBe(15);
        order.MarkReady(Placed.AddMinutes(17)).Done.ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Ready);
        order.Version.ShouldBe(3);
        (order.PaidAt, order.AcceptedAt, order.ReadyAt).ShouldBe((Placed.AddMinutes(1), Placed.AddMinutes(2), Placed.AddMinutes(17)));
    }

    [Fact]
    public void ready_before_accept_and_accepting_twice_are_refused_without_change()
    {
        var order = NewOrder();
        order.MarkPaid(Placed).Done.ShouldBeTrue();
        var ready = order.MarkReady(Placed);
        ready.Done.ShouldBeFalse();
        ready.Error.ShouldNotBeNullOrEmpty();
        order.Accept(10, Placed).Done.ShouldBeTrue();
        var version = order.Version;
        order.Accept(20, Placed.AddMinutes(1)).Done.ShouldBeFalse();
        (order.Status, order.PrepMinutes, order.Version).ShouldBe((OrderStatus.Accepted, 10, version));
    }

    [Fact]
    public void an_unpaid_order_cancelled_by_its_customer_owes_no_refund()
    {
        var order = NewOrder();
        order.CancelByCustomer("不想要了", Placed).Done.ShouldBeTrue();
        (order.Status, order.CancelledBy, order.RefundDue).ShouldBe((OrderStatus.Cancelled, CancelledBy.Customer, false));
    }

    [Fact]
    public void a_paid_order_cancelled_before_acceptance_owes_a_refund_but_after_acceptance_cannot_be_cancelled()
    {
        var paid = NewOrder();
        paid.MarkPaid(Placed).Done.ShouldBeTrue();
        paid.CancelByCustomer("点错了", Placed).Done.ShouldBeTrue();
        paid.RefundDue.ShouldBeTrue();

        var accepted = NewOrder();
        accepted.MarkPaid(Placed);
        accepted.Accept(10, Placed);
        accepted.CancelByCustomer("太慢", Placed).Done.ShouldBeFalse();
        accepted.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public void a_merchant_rejects_only_a_paid_order_waiting_for_acceptance()
    {
        var unpaid = NewOrder();
        unpaid.Reject("售罄", Placed).Done.ShouldBeFalse();

        var paid = NewOrder();
        paid.MarkPaid(Placed);
        paid.Reject("售罄", Placed).Done.ShouldBeTrue();
        (paid.Status, paid.CancelledBy, paid.CancelReason, paid.RefundDue).ShouldBe((OrderStatus.Cancelled, CancelledBy.Merchant, "售罄", true));
    }

    [Fact]
    public void the_payment_deadline_cancels_only_an_unpaid_order_whose_deadline_has_passed()
    {
        var order = NewOrder();
        order.ExpireUnpaid(Placed.AddMinutes(14)).Done.ShouldBeFalse();
        order.Status.ShouldBe(OrderStatus.AwaitingPayment);
        order.ExpireUnpaid(Placed.AddMinutes(15)).Done.ShouldBeTrue();
        (order.Status, order.CancelReason, order.CancelledBy).ShouldBe((OrderStatus.Cancelled, "支付超时", CancelledBy.System));
        order.ExpireUnpaid(Placed.AddMinutes(16)).Done.ShouldBeFalse();

        var paid = NewOrder();
        paid.MarkPaid(Placed);
        paid.ExpireUnpaid(Placed.AddHours(1)).Done.ShouldBeFalse();
        paid.Status.ShouldBe(OrderStatus.AwaitingAcceptance);
    }

    [Fact]
    public void a_payment_after_cancellation_or_a_second_payment_changes_nothing()
    {
        var order = NewOrder();
        order.MarkPaid(Placed).Done.ShouldBeTrue();
        order.MarkPaid(Placed.AddMinutes(1)).Done.ShouldBeFalse();
        order.PaidAt.ShouldBe(Placed);

        var expired = NewOrder();
        expired.ExpireUnpaid(Placed.AddMinutes(20));
        expired.MarkPaid(Placed.AddMinutes(21)).Done.ShouldBeFalse();
        expired.Status.ShouldBe(OrderStatus.Cancelled);
    }
}
