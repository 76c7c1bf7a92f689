using Kaifan.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Ops;

/// <summary>
/// How the ops console names a closed account: 已离职 when the station offboarded the person, 已注销 when they erased it
/// themselves. The staff page, the withdrawal ledger and the dispatch board's riders say the same.
/// </summary>
public static class ClosedAccount
{
    public static string Label(IStringLocalizer<Strings> l, bool offboarded) => l[offboarded ? "Staff.OffboardedState" : "Ops.Erased"];
}
