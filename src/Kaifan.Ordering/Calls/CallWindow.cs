using Kaifan.Ordering.Orders;

namespace Kaifan.Ordering.Calls;

/// <summary>
/// When two parties of an order may reach each other: anyone and the rider from rider assignment, the customer and the
/// merchant from payment, both until 30 minutes after the order ends (delivered or cancelled), long enough for a
/// forgotten drink or a wrong door and no longer.
/// </summary>
internal static class CallWindow
{
    public static readonly TimeSpan AfterEnd = TimeSpan.FromMinutes(30);

    /// <summary>
    /// One binding's life from the tap: a relay number has only so many extensions, so they go back to the pool soon;
    /// a later tap within the window binds again.
    /// </summary>
    public static readonly TimeSpan BindingLifetime = TimeSpan.FromMinutes(30);

    public static DateTimeOffset? EndedAt(Order order) => order.DeliveredAt ?? order.CancelledAt;

    /// <summary>Null when the two may talk now; otherwise why not, in the customer's words.</summary>
    public static string? Refusal(Order order, string caller, string callee, DateTimeOffset now)
    {
        var ended = EndedAt(order);
        if (caller == CallParties.Rider || callee == CallParties.Rider)
        {
            if (order.RiderId is null)
            {
                return ended is null ? "骑手尚未接单 (no rider has taken the order yet)" : "该订单没有骑手配送 (no rider carried this order)";
            }
        }
        else if (order.PaidAt is null)
        {
            return "订单尚未支付 (the order is not paid yet)";
        }

        return ended is { } at && now >= at + AfterEnd
            ? "订单已结束超过30分钟，号码保护已关闭 (the order ended more than 30 minutes ago)"
            : null;
    }

    /// <summary>A binding made now ends after its lifetime, or with the window if that comes first.</summary>
    public static DateTimeOffset ExpiryOf(Order order, DateTimeOffset now)
    {
        var expires = now + BindingLifetime;
        return EndedAt(order) is { } ended && ended + AfterEnd < expires ? ended + AfterEnd : expires;
    }
}
