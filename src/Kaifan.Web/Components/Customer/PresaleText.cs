using System.Globalization;
using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>预售接龙's words on screen: the slot in Shanghai time (12月1日 12:00) and an order's 预售 state.</summary>
public static class PresaleText
{
    public static string When(DateTimeOffset at, IStringLocalizer<Strings> l) =>
        Display.InShanghai(at).ToString(l["Presale.DateFormat"], CultureInfo.InvariantCulture);

    /// <summary>预售中 · 12月1日 12:00送达 while held, 已成团 · 确认配送 once the chain went ahead.</summary>
    public static string Held(PresaleOrderInfo presale, IStringLocalizer<Strings> l) =>
        presale.ConfirmedAt is null ? string.Format(l["Presale.Held"], When(presale.DeliverAt, l)) : l["Presale.Confirmed"];

    /// <summary>0–100: how far the paid portions are towards the minimum.</summary>
    public static int Progress(PresaleInfo p) => p.MinimumQuantity <= 0 ? 100 : Math.Min(100, p.Joined * 100 / p.MinimumQuantity);
}
