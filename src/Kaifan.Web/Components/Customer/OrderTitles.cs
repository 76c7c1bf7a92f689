using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>The order page's title by state, in the order take-out users know (UX.md), and its timeline.</summary>
public static class OrderTitles
{
    /// <summary>The rider's 已到达 is not a state of its own (the order stays picked up), so only the full order knows it.</summary>
    public static string Title(OrderInfo order, IStringLocalizer<Strings> l) => order switch
    {
        { Status: "PickedUp", ArrivedAtCustomerAt: not null } => l["Status.AtDoor"],
        { Status: "AwaitingPresale", Presale: { } presale } => PresaleText.Held(presale, l),
        { Status: "Cancelled", GroupBuyId: not null, CancelReason: "拼团失败" } => order.RefundedAt is null ? l["GroupBuy.Failed"] : l["GroupBuy.FailedRefunded"],
        { Status: "Cancelled", Presale: not null, CancelReason: PresaleStoppedReason } => order.RefundedAt is null ? l["PresaleStop.Stopped"] : l["PresaleStop.StoppedRefunded"],
        _ => Title(order.Status, order.StatusText, l),
    };

    public static string Title(string status, string apiText, IStringLocalizer<Strings> l) => status switch
    {
        "AwaitingPayment" => l["Status.AwaitingPayment"],
        "AwaitingGroup" => l["GroupBuy.Status.AwaitingGroup"],
        "AwaitingPresale" => l["Presale.Status.AwaitingPresale"],
        "AwaitingAcceptance" => l["Status.AwaitingAcceptance"],
        "Accepted" => l["Status.Accepted"],
        "Ready" => l["Status.Ready"],
        "RiderAssigned" => l["Status.RiderAssigned"],
        "ArrivedAtMerchant" or "AtStore" or "RiderAtStore" => l["Status.AtStore"],
        "PickedUp" => l["Status.PickedUp"],
        "Delivered" => l["Status.Delivered"],
        "Cancelled" => l["Status.Cancelled"],
        _ => apiText,
    };

    /// <summary>"蒸饺 等3件商品" in the page's language; the API's own Summary is Chinese only.</summary>
    public static string Summary(OrderSummary order, IStringLocalizer<Strings> l) =>
        order.ItemCount == 1 ? string.Format(l["Orders.SummaryOne"], order.FirstItemName) : string.Format(l["Orders.Summary"], order.FirstItemName, order.ItemCount);

    /// <summary>餐具: none, 1 set, N sets.</summary>
    public static string Cutlery(int count, IStringLocalizer<Strings> l) => count switch
    {
        <= 0 => l["Checkout.NoCutlery"],
        1 => l["Checkout.CutleryOne"],
        _ => string.Format(l["Checkout.CutleryN"], count),
    };

    /// <summary>While the kitchen cooks, the minutes the ETA plans with (the shop's learned time when there is one), so the two agree.</summary>
    public static string Hint(OrderInfo order, IStringLocalizer<Strings> l, EtaInfo? eta = null) => order.Status switch
    {
        "AwaitingPayment" => l["Hint.AwaitingPayment"],
        "AwaitingGroup" => l["GroupBuy.Hint.AwaitingGroup"],
        "AwaitingPresale" => order.Presale?.ConfirmedAt is null ? l["Presale.Hint.Held"] : l["Presale.Hint.Confirmed"],
        "AwaitingAcceptance" => l["Hint.AwaitingAcceptance"],
        "Accepted" => (eta?.Basis?.PrepMinutes is { } planned ? (int)Math.Round(planned) : order.PrepMinutes) is { } m
            ? string.Format(l["Hint.Accepted"], m)
            : l["Hint.AcceptedNoTime"],
        "Ready" => l["Hint.Ready"],
        "Cancelled" => CancelReason(order.CancelReason, l),
        _ => "",
    };

    /// <summary>
    /// The API's steps with known ones in the page's language; unknown steps (rider, delivery, once they exist)
    /// keep the API's own label, so they appear without a Web change.
    /// </summary>
    public static IReadOnlyList<TimelineStep> Steps(IReadOnlyList<TimelineStep> steps, IStringLocalizer<Strings> l) =>
        steps.Select(s => s.Step == "cancelled" ? s with { Label = Cancelled(s.Label, l) }
            : l["Step." + s.Step].ResourceNotFound ? s : s with { Label = l["Step." + s.Step] }).ToList();

    /// <summary>The reasons 取消订单 offers, recorded in Chinese as the shop reads them, shown in the page's language.</summary>
    public static readonly IReadOnlyList<(string Reason, string Key)> CancelReasons =
    [
        ("不想要了", "Order.CancelUnwanted"), ("信息填错", "Order.CancelWrongInfo"), ("商家太慢", "Order.CancelTooSlow"), ("其他", "Order.CancelOther"),
    ];

    /// <summary>A reason the shopper picked (or the API's default 用户取消) in the page's language; others as recorded.</summary>
    public static string CancelReason(string? reason, IStringLocalizer<Strings> l) =>
        reason == "用户取消" ? l["Order.CancelledByYou"]
        : reason == "退出拼团" ? l["GroupLeave.Reason"]
        : reason == PresaleStoppedReason ? l["PresaleStop.Stopped"]
        : CancelReasons.FirstOrDefault(r => r.Reason == reason).Key is { } key ? l[key]
        : reason ?? "";

    /// <summary>Ordering's reason when the shop (or the operator) stopped the chain, as recorded.</summary>
    private const string PresaleStoppedReason = "商家已停止接龙";

    // The API writes the step as "订单已取消：{reason}".
    private static string Cancelled(string label, IStringLocalizer<Strings> l) =>
        string.Format(l["Step.cancelled"], CancelReason(label.Split('：', 2) is [_, var reason] ? reason : "", l));
}
