using Kaifan.Web.Api;

namespace Kaifan.Web.Components.Merchant.Parts;

/// <summary>
/// Which board column an order of the merchant API stands in. A rider may accept, and even reach the shop, before the
/// kitchen taps 出餐; Ordering then keeps the rider's status and records only ReadyAt, so ReadyAt (not the status)
/// decides between 备餐中 and 待取餐 until the food is picked up.
/// </summary>
internal static class BoardColumns
{
    public const string New = "AwaitingAcceptance";
    public const string Preparing = "Accepted";
    public const string Ready = "Ready";
    public const string Done = "Done";
    public const string Cancelled = "Cancelled";
    public const string Refund = "Refund";

    public static readonly IReadOnlyList<string> All = [New, Preparing, Ready, Done, Cancelled, Refund];

    /// <summary>
    /// Null only for an unpaid order, which the merchant API never returns (it is not the shop's yet). A delivered order
    /// with an open refund request stands under 退款 until the shop answers it.
    /// </summary>
    public static string? Of(OrderInfo order) => AwaitsRefundAnswer(order) ? Refund : order.Status switch
    {
        "AwaitingAcceptance" => New,
        "Accepted" or "Ready" or "RiderAssigned" or "ArrivedAtMerchant" => order.ReadyAt is null ? Preparing : Ready,
        "PickedUp" or "Delivered" => Done,
        "Cancelled" => Cancelled,
        _ => null,
    };

    public static bool AwaitsRefundAnswer(OrderInfo order) => order.Refund?.Latest?.Status == "pending";

    /// <summary>The kitchen still owes the food, whoever is waiting for it.</summary>
    public static bool AwaitsReady(OrderInfo order) => Of(order) == Preparing;

    /// <summary>The Strings key telling the shop a rider is on the way or at the counter; null with no rider yet or once picked up.</summary>
    public static string? RiderKey(OrderInfo order) => order.Status switch
    {
        "RiderAssigned" => "Board.RiderAssigned",
        "ArrivedAtMerchant" => "Board.RiderAtShop",
        _ => null,
    };
}
