using Kaifan.Web.Resources;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>How a lucky wheel prize reads: "¥5" over "满20可用" or "无门槛", or 谢谢参与.</summary>
public static class WheelText
{
    public static string Prize(string kind, long amountFen, IStringLocalizer<Strings> L) =>
        kind == "coupon" ? Display.Yuan(amountFen) : L["Wheel.Nothing"];

    public static string Terms(string kind, long minSpendFen, IStringLocalizer<Strings> L) =>
        kind != "coupon" ? "" : minSpendFen == 0 ? L["Coupon.NoThreshold"] : string.Format(L["Coupon.MinSpend"], Kaifan.Contracts.Fen.ToYuan(minSpendFen));
}
