using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Kaifan.Web.Shopping;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Ops;

/// <summary>
/// One rider's lane of the 按骑手 board: Tasks is what they carry or are offered (of Capacity); Delivered of Delivered +
/// Load is today's progress; Faded names why dispatch offers them nothing (失联, 滞留, 离线), null while they can work.
/// </summary>
public sealed record RiderLane(
    Guid RiderId, string Name, string Vehicle, int Tasks, int Capacity, string ShiftEnd, int Delivered, int Load, string? Faded, IReadOnlyList<DispatchCard> Cards)
{
    public int Today => Delivered + Load;

    public int Percent => Today == 0 ? 0 : Delivered * 100 / Today;
}

/// <summary>The 按骑手 board: 待分配, then one lane per rider of the zone who is online there or holds one of its orders.</summary>
public sealed record RiderLanesView(IReadOnlyList<DispatchCard> Pending, IReadOnlyList<RiderLane> Lanes)
{
    public static readonly RiderLanesView Empty = new([], []);

    /// <summary>The card drawn where it was dropped while the server decides; the next read puts it where the server says.</summary>
    public RiderLanesView Moved(Guid orderId, Guid? riderId)
    {
        var card = Pending.Concat(Lanes.SelectMany(l => l.Cards)).FirstOrDefault(c => c.OrderId == orderId);
        if (card is null)
        {
            return this;
        }

        var moving = card with { RiderId = riderId };
        var pending = Pending.Where(c => c.OrderId != orderId).ToList();
        if (riderId is null)
        {
            pending.Add(moving);
        }

        return new(pending, Lanes.Select(l => l with
        {
            Cards = l.RiderId == riderId ? [.. l.Cards.Where(c => c.OrderId != orderId), moving] : [.. l.Cards.Where(c => c.OrderId != orderId)],
        }).ToList());
    }
}

public static class RiderLanes
{
    /// <summary>
    /// 待分配 holds what dispatch has without a rider, then paid orders the shop has not accepted yet (they cannot move
    /// until it does). A lane lists offers first (待接单), then the carried orders in route order, as the board reads them.
    /// </summary>
    public static RiderLanesView Build(
        ZoneDispatchInfo? board, IReadOnlyList<StaffOrderInfo> orders, IReadOnlyList<OpsRiderInfo> riders, Guid zoneId, Func<Guid, string> riderLabel,
        IStringLocalizer<Strings> l)
    {
        if (board is null)
        {
            return RiderLanesView.Empty;
        }

        var byId = orders.ToDictionary(o => o.Id);
        var pending = board.Pending.Select(b => DispatchCards.CardOf(b, byId, DispatchCards.ReadyMeta(b, l), l))
            .Concat(orders
                .Where(o => o.ZoneId == zoneId && o.Status == "AwaitingAcceptance" && o.PaidAt is not null)
                .OrderBy(o => o.PaidAt)
                .Select(o => new DispatchCard(o.Id, "#" + o.Number[^4..], $"{o.MerchantName} → {o.Address.Detail}", o.StatusText, false, false, null)))
            .ToList();

        var held = board.Offered.Select(b => (Order: b, Step: "offered"))
            .Concat(board.Assigned.Select(b => (Order: b, Step: b.Stage == "toCustomer" ? "delivering" : "pickup")))
            .ToLookup(h => h.Order.RiderId!.Value);
        var lanes = riders
            .Where(r => (r.Online && r.ZoneId == zoneId) || held.Contains(r.RiderId))
            .OrderBy(r => riderLabel(r.RiderId), StringComparer.Ordinal)
            .Select(r =>
            {
                var cards = held[r.RiderId].Select(h => DispatchCards.CardOf(h.Order, byId, l["Ops.Step." + h.Step], l)).ToList();
                return new RiderLane(
                    r.RiderId,
                    riderLabel(r.RiderId),
                    l["Eta.Vehicle." + r.VehicleType] is { ResourceNotFound: false } vehicle ? vehicle.Value : r.VehicleType,
                    cards.Count,
                    r.Capacity,
                    r.ShiftEndsAt is { } end ? string.Format(l["Ops.Lane.ShiftEnd"], Display.Clock(end)) : l["Ops.Lane.NoShift"],
                    r.DeliveredToday,
                    r.Load,
                    !r.Online ? l["Ops.Offline"].Value : r.Silent ? l["Ops.Silent"].Value : r.Stalled ? l["Ops.Stalled"].Value : null,
                    cards);
            })
            .ToList();
        return new(pending, lanes);
    }
}
