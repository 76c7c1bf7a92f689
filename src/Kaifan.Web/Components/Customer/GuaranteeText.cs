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
}
