using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Tracking.Progress;

namespace Kaifan.Tests.Tracking;

public sealed class OrderProgressTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly Guid Rider = Guid.NewGuid();

    private static OrderTrackingInfo Placed() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "AwaitingPayment", new GeoPoint(30, 120), new GeoPoint(30.01, 120),
            null, null, T0, null, null, null, null, null, null, null, null);

    private static OrderTrackingInfo Delivering() => Placed() with
    {
        PaidAt = T0.AddMinutes(1), AcceptedAt = T0.AddMinutes(2), PrepMinutes = 10, ReadyAt = T0.AddMinutes(12),
        RiderId = Rider, RiderAssignedAt = T0.AddMinutes(3), ArrivedAtMerchantAt = T0.AddMinutes(11), PickedUpAt = T0.AddMinutes(13),
    };

    private static string[] Steps(IEnumerable<ProgressStep> steps) => steps.Select(s => s.Step).ToArray();

    [Fact]
    public void the_timeline_lists_every_step_in_sequence_with_unreached_ones_untimed()
    {
        var timeline = OrderProgress.Timeline(Placed() with { PaidAt = T0.AddMinutes(1) });

        Steps(timeline).ShouldBe(["placed", "paid", "accepted", "ready", "riderAssigned", "arrived", "pickedUp", "delivered"]);
        timeline.Select(s => s.Reached).ShouldBe([true, true, false, false, false, false, false, false]);
        timeline[1].Label.ShouldBe("支付成功");
    }

    [Fact]
    public void a_cancelled_order_shows_only_what_it_reached_then_its_cancellation()
    {
        var order = Placed() with { PaidAt = T0.AddMinutes(1), CancelledAt = T0.AddMinutes(2) };

        Steps(OrderProgress.Timeline(order)).ShouldBe(["placed", "paid", "cancelled"]);
        OrderProgress.TitleOf(order).ShouldBe("已取消");
        OrderProgress.IsFinished(order).ShouldBeTrue();
    }

    [Fact]
    public void reached_steps_come_in_the_order_they_happened_and_ties_keep_the_sequence()
    {
        // The rider was assigned before the kitchen finished; accepted and paid share a timestamp.
        var order = Delivering() with { AcceptedAt = T0.AddMinutes(1) };

        Steps(OrderProgress.Reached(order)).ShouldBe(["placed", "paid", "accepted", "riderAssigned", "arrived", "ready", "pickedUp"]);
    }

    [Fact]
    public void unsent_steps_skip_what_was_sent_and_repeated_or_late_events_change_nothing()
    {
        var order = Placed() with { PaidAt = T0.AddMinutes(1), AcceptedAt = T0.AddMinutes(2) };
        var sent = new HashSet<string> { "placed", "paid" };

        Steps(OrderProgress.Unsent(order, [new("paid", "支付成功", T0.AddMinutes(1))], sent)).ShouldBe(["accepted"]);
        sent.Add("accepted");
        Steps(OrderProgress.Unsent(order, [new("accepted", "商家已接单", T0.AddMinutes(2)), new("paid", "支付成功", T0.AddMinutes(1))], sent)).ShouldBeEmpty();
    }

    [Fact]
    public void an_event_ahead_of_the_orders_own_record_is_told_and_earlier_missed_steps_come_first()
    {
        // OrderReady arrived, but Ordering's row (read a moment earlier) still says only placed and paid,
        // and the stream had missed paid: both go out, paid first.
        var order = Placed() with { PaidAt = T0.AddMinutes(1) };
        var unsent = OrderProgress.Unsent(order, [new("ready", "商家已出餐", T0.AddMinutes(9))], new HashSet<string> { "placed" });

        Steps(unsent).ShouldBe(["paid", "ready"]);
    }

    [Theory]
    [InlineData("placed", "待付款")]
    [InlineData("paid", "等待商家接单")]
    [InlineData("accepted", "商家已接单")]
    [InlineData("riderAssigned", "骑手已接单")]
    [InlineData("arrived", "骑手已到店")]
    [InlineData("pickedUp", "骑手已取餐·配送中")]
    [InlineData("delivered", "已送达")]
    public void the_title_follows_the_furthest_step(string upTo, string title)
    {
        var full = Delivering() with { DeliveredAt = T0.AddMinutes(20) };
        var rank = OrderProgress.Rank(upTo);
        var order = full with
        {
            PaidAt = rank >= 1 ? full.PaidAt : null,
            AcceptedAt = rank >= 2 ? full.AcceptedAt : null,
            ReadyAt = rank >= 3 && upTo != "riderAssigned" && upTo != "arrived" ? full.ReadyAt : null,
            RiderAssignedAt = rank >= 4 ? full.RiderAssignedAt : null,
            ArrivedAtMerchantAt = rank >= 5 ? full.ArrivedAtMerchantAt : null,
            PickedUpAt = rank >= 6 ? full.PickedUpAt : null,
            DeliveredAt = rank >= 7 ? full.DeliveredAt : null,
        };

        OrderProgress.TitleOf(order).ShouldBe(title);
    }

    [Fact]
    public void the_rider_shows_only_while_the_order_is_on_its_way_and_only_its_own_rider()
    {
        var here = new RiderLocation(Rider, new GeoPoint(30.005, 120), T0.AddMinutes(14), "ebike", 18);
        var delivering = Delivering();

        OrderProgress.MayShow(delivering, here).ShouldBeTrue();
        OrderProgress.MayShow(delivering, here with { RiderId = Guid.NewGuid() }).ShouldBeFalse();
        OrderProgress.MayShow(delivering with { PickedUpAt = null }, here).ShouldBeFalse();
        OrderProgress.MayShow(delivering with { PickedUpAt = null, ArrivedAtMerchantAt = null, ReadyAt = null }, here).ShouldBeFalse();
        OrderProgress.MayShow(delivering with { DeliveredAt = T0.AddMinutes(20) }, here).ShouldBeFalse();
        OrderProgress.MayShow(delivering with { CancelledAt = T0.AddMinutes(20) }, here).ShouldBeFalse();
    }
}
