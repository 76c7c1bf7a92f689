using Kaifan.Contracts.Queries;

namespace Kaifan.Tracking.Progress;

/// <summary>One step of an order's life as the order page's timeline shows it; At is null until reached (--:--).</summary>
public sealed record ProgressStep(string Step, string Label, DateTimeOffset? At)
{
    public bool Reached => At is not null;
}

/// <summary>
/// The order's steps read from its timestamps rather than from Ordering's status name, so a step is known
/// however Ordering names its states, and a late or repeated event can neither reorder nor repeat one.
/// </summary>
internal static class OrderProgress
{
    public const string Placed = "placed";
    public const string Paid = "paid";
    public const string Accepted = "accepted";
    public const string Ready = "ready";
    public const string RiderAssigned = "riderAssigned";
    public const string Arrived = "arrived";
    public const string PickedUp = "pickedUp";
    public const string AtDoor = "atDoor";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";

    /// <summary>The canonical order; a tie in time (or a step recorded before an earlier one) keeps this order.</summary>
    public static readonly string[] Sequence = [Placed, Paid, Accepted, Ready, RiderAssigned, Arrived, PickedUp, AtDoor, Delivered, Cancelled];

    public static string LabelOf(string step) => step switch
    {
        Placed => "订单已提交",
        Paid => "支付成功",
        Accepted => "商家已接单",
        Ready => "商家已出餐",
        RiderAssigned => "骑手已接单",
        Arrived => "骑手已到店",
        PickedUp => "骑手已取餐",
        AtDoor => "骑手已到达",
        Delivered => "已送达",
        Cancelled => "订单已取消",
        _ => step,
    };

    /// <summary>The timeline: every step in sequence, unreached ones with no time; a cancelled order drops what it never reached.</summary>
    public static IReadOnlyList<ProgressStep> Timeline(OrderTrackingInfo order)
    {
        var steps = new List<ProgressStep>
        {
            new(Placed, LabelOf(Placed), order.PlacedAt),
            new(Paid, LabelOf(Paid), order.PaidAt),
            new(Accepted, LabelOf(Accepted), order.AcceptedAt),
            new(Ready, LabelOf(Ready), order.ReadyAt),
            new(RiderAssigned, LabelOf(RiderAssigned), order.RiderAssignedAt),
            new(Arrived, LabelOf(Arrived), order.ArrivedAtMerchantAt),
            new(PickedUp, LabelOf(PickedUp), order.PickedUpAt),
            new(Delivered, LabelOf(Delivered), order.DeliveredAt),
        };
        if (order.ArrivedAtCustomerAt is { } atDoor)
        {
            // The rider may skip this tap, so it is shown once it happened rather than as a pending step.
            steps.Insert(steps.Count - 1, new(AtDoor, LabelOf(AtDoor), atDoor));
        }

        if (order.CancelledAt is { } cancelledAt)
        {
            steps.RemoveAll(s => !s.Reached);
            steps.Add(new(Cancelled, LabelOf(Cancelled), cancelledAt));
        }

        return steps;
    }

    /// <summary>Reached steps in the order they happened; equal times keep the canonical sequence.</summary>
    public static IReadOnlyList<ProgressStep> Reached(OrderTrackingInfo order) =>
        Timeline(order).Where(s => s.Reached).OrderBy(s => s.At).ThenBy(s => Rank(s.Step)).ToList();

    /// <summary>
    /// What a stream has not told yet: the order's reached steps plus steps events announced before Ordering
    /// recorded them, minus what was already sent; in the order they happened.
    /// </summary>
    public static IReadOnlyList<ProgressStep> Unsent(OrderTrackingInfo? order, IEnumerable<ProgressStep> announced, IReadOnlySet<string> sent)
    {
        var reached = order is null ? [] : Reached(order).ToList();
        foreach (var step in announced)
        {
            if (step.Reached && reached.All(s => s.Step != step.Step))
            {
                reached.Add(step);
            }
        }

        return reached.Where(s => !sent.Contains(s.Step)).OrderBy(s => s.At).ThenBy(s => Rank(s.Step)).ToList();
    }

    public static int Rank(string step)
    {
        var index = Array.IndexOf(Sequence, step);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>The order page's title (UX.md): 待付款 → 等待商家接单 → 商家已接单 → 骑手已接单 → 骑手已到店 → 骑手已取餐·配送中 → 骑手已到达 → 已送达 / 已取消.</summary>
    public static string TitleOf(OrderTrackingInfo order) => order switch
    {
        { CancelledAt: not null } => "已取消",
        { DeliveredAt: not null } => "已送达",
        { ArrivedAtCustomerAt: not null } => "骑手已到达",
        { PickedUpAt: not null } => "骑手已取餐·配送中",
        { ArrivedAtMerchantAt: not null } => "骑手已到店",
        { RiderAssignedAt: not null } => "骑手已接单",
        { ReadyAt: not null } => "商家已出餐·等待骑手",
        { AcceptedAt: not null } => "商家已接单",

        // A paid 拼团 order waits for its group before the merchant sees it.
        { Status: "AwaitingGroup" } => "待成团",
        { Status: "AwaitingPresale" } => "预售中",
        { PaidAt: not null } => "等待商家接单",
        _ => "待付款",
    };

    /// <summary>Finished orders get no more events; their streams end after the final snapshot.</summary>
    public static bool IsFinished(OrderTrackingInfo order) => order.DeliveredAt is not null || order.CancelledAt is not null;

    /// <summary>
    /// The rider shows on the customer's map only while 配送中: picked up, not yet delivered, not cancelled —
    /// and only the rider carrying this order.
    /// </summary>
    public static bool ShowsRider(OrderTrackingInfo order) =>
        order is { PickedUpAt: not null, DeliveredAt: null, CancelledAt: null, RiderId: not null };

    public static bool MayShow(OrderTrackingInfo order, RiderLocation location) =>
        ShowsRider(order) && location.RiderId == order.RiderId;
}
