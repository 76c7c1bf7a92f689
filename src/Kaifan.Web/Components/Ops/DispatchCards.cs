using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Ops;

/// <summary>One card of the ops dispatch board, ready to draw; Badges mark its service (准时宝, special care, locker, batch).</summary>
public sealed record DispatchCard(Guid OrderId, string Number, string Route, string Meta, bool Late, bool CanReassign, Guid? RiderId, IReadOnlyList<CardBadge>? Badges = null);

/// <summary>Kind is guaranteed, care, locker or batch (its test id and style); Text is what the operator reads.</summary>
public sealed record CardBadge(string Kind, string Text);

/// <summary>
/// The dispatch board's columns from the zone's dispatch state and the order list: 待分配 / 已派单待接 / 配送中 / 超时 /
/// 已送达. A late order shows only under 超时, so each order sits in one column.
/// </summary>
public static class DispatchCards
{
    public static readonly string[] Columns = ["pending", "offered", "assigned", "late", "delivered"];

    public static Dictionary<string, List<DispatchCard>> Build(
        ZoneDispatchInfo? board, IReadOnlyList<StaffOrderInfo> orders, Guid zoneId, Func<Guid, string> riderLabel, IStringLocalizer<Strings> l)
    {
        var byId = orders.ToDictionary(o => o.Id);
        DispatchCard Card(BoardOrderInfo b, string meta) => CardOf(b, byId, meta, l);

        string OfferMeta(BoardOrderInfo b) => string.Format(l["Ops.OfferedTo"], riderLabel(b.RiderId!.Value), b.OfferSecondsLeft ?? 0);
        string TaskMeta(BoardOrderInfo b) => $"{l["Ops.Stage." + b.Stage]} · 🛵 {riderLabel(b.RiderId!.Value)}";
        string WaitMeta(BoardOrderInfo b) => ReadyMeta(b, l);

        var columns = Columns.ToDictionary(c => c, _ => new List<DispatchCard>());
        if (board is not null)
        {
            columns["pending"].AddRange(board.Pending.Where(b => !b.Late).Select(b => Card(b, WaitMeta(b))));
            columns["offered"].AddRange(board.Offered.Where(b => !b.Late).Select(b => Card(b, OfferMeta(b))));
            columns["assigned"].AddRange(board.Assigned.Where(b => !b.Late).Select(b => Card(b, TaskMeta(b))));
            columns["late"].AddRange(board.Late.Select(b => Card(b, b.OfferId is not null ? OfferMeta(b) : b.RiderId is not null ? TaskMeta(b) : WaitMeta(b))));
        }

        columns["delivered"].AddRange(orders
            .Where(o => o.ZoneId == zoneId && o.Status == "Delivered")
            .OrderByDescending(o => o.DeliveredAt)
            .Take(30)
            .Select(o => new DispatchCard(
                o.Id, "#" + o.Number[^4..], $"{o.MerchantName} → {o.Address.Detail}", $"{Display.Clock(o.DeliveredAt)} {l["Status.Delivered"]}", false, false, o.RiderId)));
        return columns;
    }

    /// <summary>A card of an order dispatch holds; only one the rider has not picked up may move.</summary>
    internal static DispatchCard CardOf(BoardOrderInfo b, IReadOnlyDictionary<Guid, StaffOrderInfo> byId, string meta, IStringLocalizer<Strings> l)
    {
        var order = byId.GetValueOrDefault(b.OrderId);
        var number = order is null ? b.OrderId.ToString()[..8] : "#" + order.Number[^4..];
        var route = order is null ? "" : $"{order.MerchantName} → {order.Address.Detail}";
        return new DispatchCard(b.OrderId, number, route, meta, b.Late, b.Stage is null or "toMerchant" or "atMerchant", b.RiderId, Badges(b, l));
    }

    internal static string ReadyMeta(BoardOrderInfo b, IStringLocalizer<Strings> l) => string.Format(l["Ops.ReadyAt"], Display.Clock(b.ReadyEstimate));

    private static List<CardBadge> Badges(BoardOrderInfo b, IStringLocalizer<Strings> l)
    {
        var badges = new List<CardBadge>();
        if (b.ServiceTier == "guaranteed")
        {
            badges.Add(new("guaranteed", l["Ops.Badge.Guaranteed"]));
        }

        if (b.SpecialCare)
        {
            badges.Add(new("care", l["Ops.Badge.SpecialCare"]));
        }

        if (b.Locker)
        {
            badges.Add(new("locker", l["Ops.Badge.Locker"]));
        }

        if (b.ServiceTier == "batch" || b.DepartsAt is not null)
        {
            badges.Add(new("batch", b.DepartsAt is { } departs ? string.Format(l["Ops.Badge.BatchDeparts"], Display.Clock(departs)) : l["Ops.Badge.Batch"]));
        }

        return badges;
    }
}
