using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>The order page's 预计送达 line and where its minutes come from, in the page's language.</summary>
public static class EtaText
{
    /// <summary>Empty once nothing is on its way.</summary>
    public static string Headline(EtaInfo? eta, IStringLocalizer<Strings> l) =>
        eta?.EtaAt is { } at ? string.Format(l["Eta.Headline"], Display.Clock(at), Math.Max(1, eta.MinutesLeft)) : "";

    /// <summary>e.g. "备餐6分钟 · 到店4分钟 · 配送8分钟 · 交接5分钟 | 电动车 18km/h · 路况系数1.3 · 按骑手实时位置".</summary>
    public static string Basis(EtaInfo? eta, IStringLocalizer<Strings> l)
    {
        if (eta?.Basis is not { } b || eta.EtaAt is null)
        {
            return "";
        }

        var parts = new List<string>();
        Add(parts, l["Eta.Prep"], b.PrepRemaining);
        Add(parts, l["Eta.ToMerchant"], b.TravelToMerchant);
        Add(parts, l["Eta.ToCustomer"], b.TravelToCustomer);
        Add(parts, l["Eta.Service"], b.Service);
        var vehicle = l["Eta.Vehicle." + b.Vehicle.ToLowerInvariant()];
        var how = string.Format(
            l["Eta.How"], vehicle.ResourceNotFound ? b.Vehicle : vehicle.Value, Math.Round(b.SpeedKmh), b.RoadFactor.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture));
        var from = b.RiderFrom == "rider" ? l["Eta.FromRider"] : l["Eta.FromMerchant"];
        return $"{string.Join(" · ", parts)} | {how} · {from}";
    }

    /// <summary>Whole minutes, rounded up so a short leg never reads 0; legs already behind are left out.</summary>
    private static void Add(List<string> parts, string format, double minutes)
    {
        if (minutes > 0)
        {
            parts.Add(string.Format(format, (int)Math.Ceiling(minutes)));
        }
    }
}
