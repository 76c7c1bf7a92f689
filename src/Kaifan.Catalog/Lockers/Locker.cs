using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Catalog.Lockers;

/// <summary>A parcel locker (外卖柜) of a zone: a locker delivery ends here, opened by the customer's 6-digit code.</summary>
internal sealed class Locker
{
    public Guid Id { get; init; }
    public Guid ZoneId { get; init; }
    public required string Name { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

internal sealed class LockerConfiguration : IEntityTypeConfiguration<Locker>
{
    public void Configure(EntityTypeBuilder<Locker> locker)
    {
        locker.ToTable("catalog_lockers");
        locker.HasKey(l => l.Id);
        locker.Property(l => l.Id).ValueGeneratedNever();
        locker.Property(l => l.Name).HasMaxLength(50);
        locker.HasIndex(l => l.ZoneId);
    }
}

internal sealed record LockerView(Guid Id, Guid ZoneId, string Name, double Latitude, double Longitude)
{
    public static LockerView Of(Locker l) => new(l.Id, l.ZoneId, l.Name, l.Latitude, l.Longitude);
}

/// <summary>GET /api/zones/{zoneId}/lockers: the zone's lockers, for checkout's 送到外卖柜 choice; 404 for an unknown zone.</summary>
internal static class ListLockers
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/zones/{zoneId:guid}/lockers", async (Guid zoneId, CatalogDb db, CancellationToken ct) =>
            {
                if (!await db.Zones.AnyAsync(z => z.Id == zoneId, ct))
                {
                    return Kaifan.BuildingBlocks.Http.Problems.NotFound("配送区域 (zone)");
                }

                var lockers = await db.Lockers.AsNoTracking().Where(l => l.ZoneId == zoneId).ToListAsync(ct);
                return Results.Ok(lockers.OrderBy(l => l.Name, StringComparer.Ordinal).Select(LockerView.Of).ToList());
            })
            .WithTags("Catalog")
            .Produces<List<LockerView>>()
            .AllowAnonymous();
}

internal sealed class LockerDirectory(CatalogDb db) : ILockerDirectory
{
    public async Task<LockerInfo?> GetAsync(Guid lockerId, CancellationToken ct)
    {
        var locker = await db.Lockers.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lockerId, ct);
        return locker is null ? null : new LockerInfo(locker.Id, locker.ZoneId, locker.Name, new GeoPoint(locker.Latitude, locker.Longitude));
    }
}

/// <summary>Two lockers per demo zone; ids are DemoCampus ids "locker:{zone}-{n}".</summary>
internal sealed class DemoLockers : IDemoSeeder
{
    public static Guid Id(int zone, int n) => DemoCampus.Id($"locker:{zone}-{n}");

    public int Order => 11;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        if (await db.Lockers.AnyAsync(l => l.Id == Id(1, 1), ct))
        {
            return;
        }

        db.Lockers.AddRange(
            new Locker { Id = Id(1, 1), ZoneId = DemoCampus.ZoneId(1), Name = "东区食堂外卖柜", Latitude = 31.0258, Longitude = 121.4431 },
            new Locker { Id = Id(1, 2), ZoneId = DemoCampus.ZoneId(1), Name = "东区图书馆外卖柜", Latitude = 31.0241, Longitude = 121.4409 },
            new Locker { Id = Id(2, 1), ZoneId = DemoCampus.ZoneId(2), Name = "西区食堂外卖柜", Latitude = 31.0256, Longitude = 121.4290 },
            new Locker { Id = Id(2, 2), ZoneId = DemoCampus.ZoneId(2), Name = "西区体育馆外卖柜", Latitude = 31.0243, Longitude = 121.4271 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded the same rows at the same moment.
            db.ChangeTracker.Clear();
        }
    }
}
