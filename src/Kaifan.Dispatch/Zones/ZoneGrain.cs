using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Notices;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Optimisation;
using Kaifan.Dispatch.Riders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Dispatch.Zones;

internal sealed partial class ZoneGrain(
    IServiceScopeFactory scopes, TimeProvider clock, DispatchOptions options, IRiderAppNotices riderApps, ILogger<ZoneGrain> logger)
    : Grain, IZoneGrain
{
    private sealed class Waiting(JobTicket ticket, IEnumerable<Guid> refusedBy)
    {
        public JobTicket Ticket { get; } = ticket;
        public HashSet<Guid> RefusedBy { get; } = [.. refusedBy];
        public Guid? OfferId { get; set; }
    }

    /// <summary>An order in a rider's hands or on their way: Leg groups what they accepted together, Stop is its place in that route.</summary>
    private sealed class Carrying(JobTicket ticket, long leg, int stop, bool pickedUp)
    {
        public JobTicket Ticket { get; } = ticket;
        public long Leg { get; } = leg;
        public int Stop { get; } = stop;
        public bool PickedUp { get; set; } = pickedUp;
    }

    private readonly Dictionary<Guid, Waiting> pending = [];
    private readonly Dictionary<Guid, OfferTicket> offers = [];
    private readonly Dictionary<Guid, HashSet<Guid>> load = [];
    private readonly Dictionary<Guid, Carrying> carried = [];
    private readonly HashSet<Guid> online = [];
    private readonly ZoneDemand demand = new();
    private long lastLeg;
    private bool travelFlagged;
    private DateTimeOffset travelFlagsAt = DateTimeOffset.MinValue;
    private bool badWeather;
    private bool shortOfRiders;
    private IReadOnlySet<Guid> topCustomers = new HashSet<Guid>();
    private DateTimeOffset topCustomersAt = DateTimeOffset.MinValue;

    private Guid ZoneId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var zoneId = ZoneId;
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.ZoneId == zoneId && (j.Status == JobStatus.Pending || j.Status == JobStatus.Assigned))
            .ToListAsync(ct);
        badWeather = await db.ZoneConditions.AsNoTracking().Where(c => c.ZoneId == zoneId).Select(c => c.BadWeather).SingleOrDefaultAsync(ct);
        foreach (var job in jobs.OrderBy(j => j.AssignedAt).ThenBy(j => j.RouteStop).ThenBy(j => j.OrderId))
        {
            demand.Record(TicketOf(job), clock.GetUtcNow());
            if (job.Status == JobStatus.Pending)
            {
                pending[job.OrderId] = new Waiting(TicketOf(job), Refusals(job.RefusedBy));
            }
            else if (job.RiderId is { } rider)
            {
                LoadOf(rider).Add(job.OrderId);

                // Orders accepted together share their acceptance time; their order within the route is not stored.
                var leg = job.AssignedAt?.UtcTicks ?? 0;
                lastLeg = Math.Max(lastLeg, leg);
                carried[job.OrderId] = new Carrying(TicketOf(job), leg, 0, job.Stage is JobStage.ToCustomer or JobStage.Done);
            }
        }

        this.RegisterGrainTimer(
            async _ =>
            {
                try
                {
                    await RunRound();
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Dispatch round failed in zone {ZoneId}", zoneId);
                }
            },
            new GrainTimerCreationOptions(options.Round, options.Round) { KeepAlive = true });
    }

    public async Task Enqueue(JobTicket job)
    {
        if (pending.ContainsKey(job.OrderId) || load.Values.Any(orders => orders.Contains(job.OrderId)))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        var existing = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.OrderId == job.OrderId);
        if (existing is null)
        {
            db.Jobs.Add(new DispatchJob
            {
                OrderId = job.OrderId,
                ZoneId = ZoneId,
                MerchantId = job.MerchantId,
                MerchantLatitude = job.MerchantLatitude,
                MerchantLongitude = job.MerchantLongitude,
                DropOffLatitude = job.DropOffLatitude,
                DropOffLongitude = job.DropOffLongitude,
                ReadyEstimate = job.ReadyEstimate,
                StairsNoLift = job.StairsNoLift,
                PlacedAt = job.PlacedAt,
                SpecialCare = job.SpecialCare,
                CustomerId = job.CustomerId,
                HoldUntil = job.HoldUntil,
                Status = JobStatus.Pending,
            });
            await db.SaveChangesAsync();
        }
        else if (existing.Status != JobStatus.Pending)
        {
            return;
        }

        pending[job.OrderId] = new Waiting(existing is null ? job : TicketOf(existing), Refusals(existing?.RefusedBy ?? ""));
        demand.Record(job, clock.GetUtcNow());
    }

    public Task SetWeather(bool bad)
    {
        badWeather = bad;
        return Task.CompletedTask;
    }

    public Task RiderOnline(Guid riderId)
    {
        online.Add(riderId);
        return Task.CompletedTask;
    }

    public Task RiderOffline(Guid riderId)
    {
        online.Remove(riderId);
        foreach (var offer in offers.Values.Where(o => o.RiderId == riderId).ToList())
        {
            Withdraw(offer);
        }

        return Task.CompletedTask;
    }

    public async Task<int> RunRound()
    {
        var now = clock.GetUtcNow();
        foreach (var stale in offers.Values.Where(o => o.ExpiresAt <= now).ToList())
        {
            await RefuseAsync(stale);
        }

        var candidates = online.Where(r => offers.Values.All(o => o.RiderId != r)).ToList();

        // A batch order waits for its line's departure; then its cluster's orders leave together (DecideAsync).
        var open = pending.Values.Where(w => w.OfferId is null && (w.Ticket.HoldUntil is not { } hold || hold - DispatchOptions.BatchLead <= now)).ToList();
        if (candidates.Count == 0 || open.Count == 0)
        {
            shortOfRiders = open.Count > 0;
            return 0;
        }

        var riders = await AvailableRidersAsync(candidates, now);
        var zoneOrders = open.Select(w => new ZoneOrder(w.Ticket, w.RefusedBy)).ToList();
        shortOfRiders = SnapshotBuilder.ShortOfRiders(zoneOrders, riders);
        var decisions = await DecideAsync(now, zoneOrders, riders);
        foreach (var decision in decisions)
        {
            var offer = new OfferTicket(
                Guid.CreateVersion7(), decision.RiderId, decision.OrderIds.Select(id => pending[id].Ticket).ToList(), now + options.OfferTimeout, decision.MinutesToMerchant);
            offers[offer.OfferId] = offer;
            foreach (var id in decision.OrderIds)
            {
                pending[id].OfferId = offer.OfferId;
            }

            riderApps.OffersChanged(decision.RiderId);
        }

        return decisions.Count;
    }

    public Task<IReadOnlyList<OfferTicket>> OffersFor(Guid riderId)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<OfferTicket> mine = offers.Values.Where(o => o.RiderId == riderId && o.ExpiresAt > now).ToList();
        return Task.FromResult(mine);
    }

    public async Task<OfferAnswer> Accept(Guid offerId, Guid riderId)
    {
        if (!offers.TryGetValue(offerId, out var offer) || offer.RiderId != riderId)
        {
            return OfferAnswer.NotFound;
        }

        var now = clock.GetUtcNow();
        if (offer.ExpiresAt <= now)
        {
            await RefuseAsync(offer);
            return OfferAnswer.Expired;
        }

        var ids = offer.Jobs.Select(j => j.OrderId).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<DispatchDb>>();
        var rows = await outbox.DbContext.Jobs.Where(j => ids.Contains(j.OrderId)).ToListAsync();
        if (rows.Count != ids.Count || rows.Any(r => r.Status != JobStatus.Pending))
        {
            // Someone else's decision reached the database first (another silo in a split cluster): believe the database.
            Withdraw(offer);
            foreach (var row in rows.Where(r => r.Status != JobStatus.Pending))
            {
                pending.Remove(row.OrderId);
            }

            return OfferAnswer.Conflict;
        }

        foreach (var row in rows)
        {
            row.Status = JobStatus.Assigned;
            row.Stage = JobStage.ToMerchant;
            row.RiderId = riderId;
            row.AssignedAt = now;
            row.RouteStop = ids.IndexOf(row.OrderId);
            row.Version++;
            await outbox.PublishAsync(new RiderAssigned(row.OrderId, riderId, ZoneId, now));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Withdraw(offer);
            return OfferAnswer.Conflict;
        }

        offers.Remove(offerId);
        foreach (var id in ids)
        {
            pending.Remove(id);
        }

        LoadOf(riderId).UnionWith(ids);
        lastLeg = Math.Max(lastLeg + 1, now.UtcTicks);
        for (var i = 0; i < offer.Jobs.Count; i++)
        {
            carried[offer.Jobs[i].OrderId] = new Carrying(offer.Jobs[i], lastLeg, i, false);
        }

        return OfferAnswer.Done;
    }

    public async Task<OfferAnswer> Decline(Guid offerId, Guid riderId)
    {
        if (!offers.TryGetValue(offerId, out var offer) || offer.RiderId != riderId)
        {
            return OfferAnswer.NotFound;
        }

        await RefuseAsync(offer);
        return OfferAnswer.Done;
    }

    public Task Finish(Guid orderId)
    {
        foreach (var orders in load.Values)
        {
            orders.Remove(orderId);
        }

        carried.Remove(orderId);

        if (pending.Remove(orderId, out var waiting) && waiting.OfferId is { } offerId && offers.TryGetValue(offerId, out var offer))
        {
            Withdraw(offer);
        }

        return Task.CompletedTask;
    }

    public Task PickedUp(Guid orderId)
    {
        if (carried.TryGetValue(orderId, out var order))
        {
            order.PickedUp = true;
        }

        return Task.CompletedTask;
    }

    public Task<ZoneBoard> Board() => Task.FromResult(new ZoneBoard(
        pending.Count,
        pending.Values.Count(w => w.OfferId is not null),
        load.ToDictionary(l => l.Key, l => l.Value.Count),
        online.Count));

    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);

    /// <summary>A declined or expired offer: its orders go back to the pool, never again to this rider.</summary>
    private async Task RefuseAsync(OfferTicket offer)
    {
        Withdraw(offer);
        var ids = offer.Jobs.Select(j => j.OrderId).ToList();
        foreach (var id in ids)
        {
            if (pending.TryGetValue(id, out var waiting))
            {
                waiting.RefusedBy.Add(offer.RiderId);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        foreach (var row in await db.Jobs.Where(j => ids.Contains(j.OrderId)).ToListAsync())
        {
            row.RefusedBy = string.Join(',', Refusals(row.RefusedBy).Append(offer.RiderId).Distinct());
            row.Version++;
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Memory already holds the refusal; only a restart would forget it.
            logger.LogWarning(e, "Could not store a refused offer in zone {ZoneId}", ZoneId);
        }
    }

    private void Withdraw(OfferTicket offer)
    {
        riderApps.OffersChanged(offer.RiderId);
        offers.Remove(offer.OfferId);
        foreach (var job in offer.Jobs)
        {
            if (pending.TryGetValue(job.OrderId, out var waiting) && waiting.OfferId == offer.OfferId)
            {
                waiting.OfferId = null;
            }
        }
    }

    private HashSet<Guid> LoadOf(Guid riderId)
    {
        if (!load.TryGetValue(riderId, out var orders))
        {
            load[riderId] = orders = [];
        }

        return orders;
    }

    private static IEnumerable<Guid> Refusals(string refusedBy) =>
        refusedBy.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);

    private static JobTicket TicketOf(DispatchJob job) => new(
        job.OrderId, job.MerchantId, job.MerchantLatitude, job.MerchantLongitude, job.DropOffLatitude, job.DropOffLongitude, job.ReadyEstimate, job.StairsNoLift,
        job.PlacedAt, job.SpecialCare, job.CustomerId, job.HoldUntil);
}
