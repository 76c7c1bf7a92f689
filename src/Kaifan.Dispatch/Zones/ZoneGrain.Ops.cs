using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Dispatch.Riders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Dispatch.Zones;

/// <summary>The operator's side of the zone: the dispatch board and manual reassignment.</summary>
internal sealed partial class ZoneGrain : IZoneOps
{
    public Task<ZoneDispatch> Dispatch() => Task.FromResult(new ZoneDispatch(
        pending.Values.Where(w => w.OfferId is null).Select(w => w.Ticket).ToList(),
        offers.Values.ToList(),
        load.Where(l => l.Value.Count > 0).ToDictionary(l => l.Key, l => (IReadOnlyList<Guid>)[.. l.Value]),
        badWeather,
        shortOfRiders));

    public async Task<ReassignAnswer> Reassign(Guid orderId, Guid? riderId)
    {
        RiderSnapshot? target = null;
        if (riderId is { } wanted)
        {
            target = await GrainFactory.GetGrain<IRiderGrain>(wanted).Snapshot();
            if (!online.Contains(wanted) || !target.Online || target.ZoneId != ZoneId || target.Capabilities is null)
            {
                return ReassignAnswer.RiderUnavailable;
            }

            var known = pending.TryGetValue(orderId, out var queued) ? queued.Ticket : carried.GetValueOrDefault(orderId)?.Ticket;
            if (known is not null && Unfit(known, target) is { } refusal)
            {
                return refusal;
            }
        }

        OrderReassigned? notice = null;
        if (pending.TryGetValue(orderId, out var waiting))
        {
            Guid? from = null;
            if (waiting.OfferId is { } offerId && offers.TryGetValue(offerId, out var offer))
            {
                // Withdrawn by the operator, not refused by the rider: they may be offered it again.
                Withdraw(offer);
                // Re-offered to the rider who held it: nothing was taken from them, so no 改派 notice.
                from = offer.RiderId == riderId ? null : offer.RiderId;
            }

            notice = new OrderReassigned(orderId, ZoneId, from, riderId, clock.GetUtcNow());
        }
        else
        {
            var current = load.FirstOrDefault(l => l.Value.Contains(orderId)).Key;
            if (current == Guid.Empty)
            {
                return ReassignAnswer.NotFound;
            }

            if (current == riderId)
            {
                return ReassignAnswer.RiderUnavailable;
            }

            // Told in the same write as the take-back; an app that asks on the notice queues behind this turn of the
            // grain, so it finds the new offer too.
            var taken = await TakeBackAsync(orderId, current, new OrderReassigned(orderId, ZoneId, current, riderId, clock.GetUtcNow()));
            if (taken is null)
            {
                return ReassignAnswer.PickedUp;
            }

            waiting = taken;
        }

        if (target is not null)
        {
            var ticket = waiting.Ticket;
            var toMerchant = new GeoPoint(target.Latitude, target.Longitude).DistanceMetresTo(new(ticket.MerchantLatitude, ticket.MerchantLongitude));
            var minutes = toMerchant / 1000 * options.RoadFactor / Math.Max(1, target.Capabilities!.SpeedKmh) * 60;
            var offer = new OfferTicket(Guid.CreateVersion7(), target.RiderId, [ticket], clock.GetUtcNow() + options.OfferTimeout, Math.Round(minutes, 1));
            offers[offer.OfferId] = offer;
            waiting.OfferId = offer.OfferId;
        }

        if (notice is { FromRiderId: not null } or { ToRiderId: not null })
        {
            await NoticeAsync(notice);
        }

        return ReassignAnswer.Done;
    }

    /// <summary>The operator overrides the dispatcher's choice of rider, not what a rider can do or when a batch leaves.</summary>
    private ReassignAnswer? Unfit(JobTicket ticket, RiderSnapshot target)
    {
        var caps = target.Capabilities!;
        if (ticket.HoldUntil - DispatchOptions.BatchLead > clock.GetUtcNow())
        {
            return ReassignAnswer.HeldForDeparture;
        }

        if (ticket.StairsNoLift && !caps.AcceptsStairs)
        {
            return ReassignAnswer.RiderAvoidsStairs;
        }

        // What they carry plus what they are offered besides this order: accepting everything must stay within capacity.
        // An offer holding this order is withdrawn by the reassignment, so its other orders do not count.
        var offered = offers.Values.Where(o => o.RiderId == target.RiderId && o.Jobs.All(j => j.OrderId != ticket.OrderId)).Sum(o => o.Jobs.Count);
        var carrying = load.GetValueOrDefault(target.RiderId)?.Count(id => id != ticket.OrderId) ?? 0;
        if (carrying + offered >= caps.Capacity)
        {
            return ReassignAnswer.RiderFull;
        }

        // As the optimiser measures range (RouteEvaluator): straight from where the rider's current route ends.
        var from = RouteOf(target.RiderId).LastOrDefault() is { } last
            ? new GeoPoint(last.Ticket.DropOffLatitude, last.Ticket.DropOffLongitude)
            : new GeoPoint(target.Latitude, target.Longitude);
        var shop = new GeoPoint(ticket.MerchantLatitude, ticket.MerchantLongitude);
        var km = (from.DistanceMetresTo(shop) + shop.DistanceMetresTo(new(ticket.DropOffLatitude, ticket.DropOffLongitude))) / 1000;
        return km > caps.BatteryRangeKm ? ReassignAnswer.RiderOutOfRange : null;
    }

    /// <summary>
    /// Back to pending, never again to the rider who had it, in one write guarded by the job's version and stage:
    /// null when the rider picked it up (or it finished) first.
    /// </summary>
    private async Task<Waiting?> TakeBackAsync(Guid orderId, Guid riderId, OrderReassigned notice)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<DispatchDb>>();
        var row = await outbox.DbContext.Jobs.SingleOrDefaultAsync(j => j.OrderId == orderId);
        if (row is null || row.Status != JobStatus.Assigned || row.RiderId != riderId || row.Stage is not (JobStage.ToMerchant or JobStage.AtMerchant))
        {
            return null;
        }

        row.Status = JobStatus.Pending;
        row.Stage = JobStage.ToMerchant;
        row.RiderId = null;
        row.AssignedAt = null;
        row.RefusedBy = string.Join(',', Refusals(row.RefusedBy).Append(riderId).Distinct());
        row.Version++;
        await outbox.PublishAsync(new RiderUnassigned(orderId, riderId, ZoneId, clock.GetUtcNow()));
        await outbox.PublishAsync(notice);
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        LoadOf(riderId).Remove(orderId);
        carried.Remove(orderId);
        var waiting = new Waiting(TicketOf(row), Refusals(row.RefusedBy));
        pending[orderId] = waiting;
        return waiting;
    }

    /// <summary>
    /// Only the riders' apps need this one, and they poll as well, so a failure to send it must not undo a
    /// reassignment that memory already made.
    /// </summary>
    private async Task NoticeAsync(OrderReassigned notice)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<DispatchDb>>();
            await outbox.PublishAsync(notice);
            await outbox.SaveChangesAndFlushMessagesAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not tell the riders' apps that order {OrderId} was reassigned", notice.OrderId);
        }
    }
}
