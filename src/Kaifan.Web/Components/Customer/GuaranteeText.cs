using System.Globalization;
using Kaifan.Contracts;
using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>
/// The order page's 准时宝 line, in the page's language. One formatter for the server-rendered page and for the
/// live view order-live.js polls, so the text a reload would show is the text the script writes in place.
/// </summary>
public static class GuaranteeText
{
    /// <summary>e.g. "承诺12:22–12:28送达，超时赔付¥5优惠券"; null for a standard order or before Tracking's promise arrives.</summary>
    public static string? Window(OrderInfo order, IStringLocalizer<Strings> l) =>
        order is { ServiceTier: "guaranteed", PromisedWindow: { } w }
            ? string.Format(l["Order.GuaranteeWindow"], Display.Clock(w.From), Display.Clock(w.To), Fen.ToYuan(w.CompensationFen))
            : null;

    /// <summary>What the page shows in the window's place: the window, or that it comes once the shop accepts.</summary>
    public static string WindowOrPending(OrderInfo order, IStringLocalizer<Strings> l) =>
        Window(order, l) ?? l["Order.GuaranteePending"];

    /// <summary>
    /// Once delivered, the verdict replaces the promise: "准时宝：已准时送达", or "准时宝：超时7分钟，已赔付¥5优惠券（有效期至05-31）"
    /// (the expiry's Shanghai date); null while there is no verdict yet.
    /// </summary>
    public static string? Outcome(OrderInfo order, IStringLocalizer<Strings> l) => order.GuaranteeOutcome switch
    {
        { Outcome: "kept" } => l["Order.GuaranteeKept"],
        { Outcome: "missed", Coupon: { } c } o => string.Format(
            l["Order.GuaranteeMissed"], o.MinutesLate, Fen.ToYuan(c.AmountFen), Display.InShanghai(c.ExpiresAt).ToString("MM-dd", CultureInfo.InvariantCulture)),
        // The coupon is issued by a handler of the delivery, a moment after the order reads as delivered.
        { Outcome: "missed" } o => string.Format(l["Order.GuaranteeMissedIssuing"], o.MinutesLate, Fen.ToYuan(order.PromisedWindow?.CompensationFen ?? 0)),
        _ => null,
    };

    /// <summary>The 准时宝 line as it stands: the verdict once there is one, else the promised window.</summary>
    public static string? Current(OrderInfo order, IStringLocalizer<Strings> l) => Outcome(order, l) ?? Window(order, l);
}
