using Kaifan.Contracts.Events;

namespace Kaifan.Ordering.Orders;

/// <summary>Why a 催单 was refused; AvailableFrom (UTC) is set when waiting would make it possible.</summary>
internal readonly record struct UrgeRefusal(string Reason, string Detail, DateTimeOffset? AvailableFrom);

/// <summary>
/// 催单: the customer may urge a paid, unfinished order once it is late — past the 预计送达 Tracking promised when the
/// merchant accepted, as the take-out apps open 催单 — at most every 10 minutes and 3 times. Until the food is picked up
/// the shop hears it and its alert rings until handled (知道了 or 出餐); after that the rider.
/// </summary>
internal sealed partial class Order
{
    public static readonly TimeSpan UrgeGraceWithoutPromise = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan UrgeInterval = TimeSpan.FromMinutes(10);
    public const int MaxUrges = 3;

    public int UrgeCount { get; private set; }
    public DateTimeOffset? LastUrgedAt { get; private set; }

    /// <summary>When the shop last handled a 催单 (知道了 or 出餐); one urged after it rings again.</summary>
    public DateTimeOffset? UrgeHandledAt { get; private set; }

    /// <summary>
    /// When the order counts as late enough to urge; null while unpaid. Before the merchant accepts there is no promise
    /// yet: then the wait checkout quoted (its 预计送达 less the placing time), else 30 minutes, counted from when the
    /// order reached the merchant — a 拼团 or 预售 order waits for its group or delivery day first.
    /// </summary>
    public DateTimeOffset? UrgeableFrom =>
        DeliveryPromisedAt ?? ReachedMerchantAt + (QuotedArrivalAt is { } quoted && quoted > PlacedAt ? quoted - PlacedAt : UrgeGraceWithoutPromise);

    private DateTimeOffset? ReachedMerchantAt => PaidAt is { } paid
        ? new[] { paid, GroupFormedAt ?? paid, PresaleReleasedAt ?? paid }.Max()
        : null;

    /// <summary>Who heard the last 催单: the shop if it came before pickup (the shop held the food), else the rider.</summary>
    public string? LastUrgeHeardBy => LastUrgedAt is { } last
        ? PickedUpAt is { } picked && last >= picked ? UrgeAudience.Rider : UrgeAudience.Merchant
        : null;

    /// <summary>The shop's alert rings: an urge came before pickup and the shop has not handled it since.</summary>
    public bool UrgeRingsForMerchant =>
        LastUrgeHeardBy == UrgeAudience.Merchant && PickedUpAt is null && Status is not (OrderStatus.Delivered or OrderStatus.Cancelled)
        && (UrgeHandledAt is null || UrgeHandledAt < LastUrgedAt);

    /// <summary>The rider's card says 顾客催单: urged while they carry the food.</summary>
    public bool UrgedWhileCarried => LastUrgeHeardBy == UrgeAudience.Rider && Status == OrderStatus.PickedUp;

    public UrgeRefusal? UrgeRefusedAt(DateTimeOffset now)
    {
        if (PaidAt is null || Status is OrderStatus.AwaitingGroup or OrderStatus.AwaitingPresale or OrderStatus.Delivered or OrderStatus.Cancelled)
        {
            return new("status", $"订单当前状态为{OrderStatusText.Of(Status)}，不能催单 (only a paid order under way can be urged)", null);
        }

        if (UrgeCount >= MaxUrges)
        {
            return new("limit", $"每单最多催单{MaxUrges}次 (at most {MaxUrges} urges per order)", null);
        }

        if (UrgeableFrom is { } from && now < from)
        {
            return new("too_early", "还没到预计送达时间，请稍后再催 (not late yet; see availableFrom)", from);
        }

        if (LastUrgedAt is { } last && now < last + UrgeInterval)
        {
            return new("too_soon", "10分钟内只能催单一次 (at most once every 10 minutes; see availableFrom)", last + UrgeInterval);
        }

        return null;
    }

    /// <summary>Counts one 催单; Version moves so a parallel one, read before this commit, is refused rather than counted too.</summary>
    public UrgeRefusal? Urge(DateTimeOffset now)
    {
        if (UrgeRefusedAt(now) is { } refused)
        {
            return refused;
        }

        UrgeCount++;
        LastUrgedAt = now;
        Version++;
        return null;
    }

    /// <summary>知道了 on the board: refused when nothing rings for this order.</summary>
    public Transition AcknowledgeUrge(DateTimeOffset at)
    {
        if (!UrgeRingsForMerchant)
        {
            return new(false, "该订单没有待处理的催单 (no 催单 waiting)");
        }

        HandleUrge(at);
        Version++;
        return Transition.Ok;
    }

    private void HandleUrge(DateTimeOffset at)
    {
        if (LastUrgedAt is not null)
        {
            UrgeHandledAt = at;
        }
    }
}
