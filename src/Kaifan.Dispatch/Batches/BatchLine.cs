using System.Collections.Concurrent;
using System.Globalization;
using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Dispatch.Batches;

/// <summary>
/// A campus batch line (校园拼单专线): orders to one building cluster wait for the line's first scheduled departure
/// once they are ready (BatchLineInfo.DepartureFor) and then leave together. Departures are local Shanghai times of
/// day, comma-separated ("11:00,11:30").
/// </summary>
internal sealed class BatchLine
{

    public Guid Id { get; init; }
    public Guid ZoneId { get; init; }
    public required string Name { get; set; }
    public double CentreLatitude { get; set; }
    public double CentreLongitude { get; set; }
    public double RadiusMetres { get; set; }
    public required string Departures { get; set; }

    public GeoPoint Centre => new(CentreLatitude, CentreLongitude);

    public IReadOnlyList<TimeSpan> DepartureTimes() =>
        [.. Departures.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => TimeSpan.ParseExact(d.Trim(), @"hh\:mm", CultureInfo.InvariantCulture)).Order()];

    public bool Covers(GeoPoint dropOff) => Centre.DistanceMetresTo(dropOff) <= RadiusMetres;

    public BatchLineInfo Info() => new(Id, ZoneId, Name, Centre, RadiusMetres, DepartureTimes().Select(t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture)).ToList());
}

internal sealed class BatchLineConfiguration : IEntityTypeConfiguration<BatchLine>
{
    public void Configure(EntityTypeBuilder<BatchLine> line)
    {
        line.ToTable("dispatch_batch_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Id).ValueGeneratedNever();
        line.Property(l => l.Name).HasMaxLength(100);
        line.Property(l => l.Departures).HasMaxLength(500);
        line.Ignore(l => l.Centre);
        line.HasIndex(l => l.ZoneId);
    }
}

internal sealed class BatchLines(ZoneBatchLines zones) : IBatchLines
{
    public async Task<BatchLineInfo?> FindAsync(Guid zoneId, GeoPoint dropOff, CancellationToken ct) =>
        (await zones.FindAsync(zoneId, dropOff, ct))?.Info();
}

/// <summary>A singleton (Tracking's ETA is one), so it reads dispatch_jobs in a scope of its own.</summary>
internal sealed class BatchDepartures(ZoneBatchLines zones, IPrepTimeEstimates prepTimes, IServiceScopeFactory scopes) : IBatchDepartures
{
    /// <summary>Named for an order whose line the operator has since removed.</summary>
    public const string RemovedLineName = "批次配送 (batch run)";

    public async Task<BatchDeparture?> DepartureAsync(Guid zoneId, GeoPoint dropOff, DateTimeOffset readyBy, CancellationToken ct) =>
        (await zones.FindAsync(zoneId, dropOff, ct))?.Info().RunFor(readyBy);

    public async Task<BatchDeparture?> AcceptedRunAsync(
        Guid orderId, Guid zoneId, GeoPoint dropOff, Guid merchantId, DateTimeOffset acceptedAt, int statedPrepMinutes, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking()
                .Where(j => j.OrderId == orderId).Select(j => new { j.HoldUntil }).SingleOrDefaultAsync(ct);
            if (job is not null)
            {
                if (job.HoldUntil is not { } leavesAt) return null;
                var line = await zones.FindAsync(zoneId, dropOff, ct);
                return new BatchDeparture(line?.Id ?? Guid.Empty, line?.Name ?? RemovedLineName, leavesAt);
            }
        }

        var prep = await prepTimes.EstimateAsync(merchantId, acceptedAt, statedPrepMinutes, ct);
        return await DepartureAsync(zoneId, dropOff, acceptedAt.AddMinutes(prep.Minutes), ct);
    }
}

/// <summary>
/// Each zone's lines, read from the database at most once a minute per host: the order page and the live ETA ask for
/// a batch order's run on every poll. The operator's endpoints forget the zone on the host that wrote, so the console
/// and checkout there see a change at once; another host, or a change made in SQL, is at most a minute stale.
/// </summary>
internal sealed class ZoneBatchLines(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (IReadOnlyList<BatchLine> Lines, DateTimeOffset At)> cache = new();

    /// <summary>The zone's line whose cluster holds the drop-off (the first by id when clusters overlap), or null.</summary>
    public async Task<BatchLine?> FindAsync(Guid zoneId, GeoPoint dropOff, CancellationToken ct) =>
        (await LinesAsync(zoneId, ct)).FirstOrDefault(l => l.Covers(dropOff));

    /// <summary>The zone's lines changed: the next question reads them again.</summary>
    public void Forget(Guid zoneId) => cache.TryRemove(zoneId, out _);

    private async Task<IReadOnlyList<BatchLine>> LinesAsync(Guid zoneId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(zoneId, out var entry) || now - entry.At >= Lifetime || now < entry.At)
        {
            // Its own scope: a DbContext of the caller's (a Wolverine handler's) would open a transaction there, and
            // the zone grain writes the job on another connection (SQLite has one writer).
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
            entry = (await db.BatchLines.AsNoTracking().Where(l => l.ZoneId == zoneId).OrderBy(l => l.Id).ToListAsync(ct), now);
            cache[zoneId] = entry;
        }

        return entry.Lines;
    }
}

/// <summary>The demo campus's line: the east-zone dorms of customers 1–3 (customers 4 and 5 live outside it), every 30 min 11:00–13:30.</summary>
internal sealed class DemoBatchLines : IDemoSeeder
{
    public static readonly Guid DormLine = DemoCampus.Id("batch-line:1");

    public int Order => 31;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDb>();
        if (await db.BatchLines.AnyAsync(l => l.Id == DormLine, ct))
        {
            return;
        }

        db.BatchLines.Add(new BatchLine
        {
            Id = DormLine,
            ZoneId = DemoCampus.ZoneId(1),
            Name = "东区宿舍楼群 (east dorms)",
            CentreLatitude = 31.0274,
            CentreLongitude = 121.4413,
            RadiusMetres = 110,
            Departures = "11:00,11:30,12:00,12:30,13:00,13:30",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded the same row at the same moment.
            db.ChangeTracker.Clear();
        }
    }
}
