using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Lockers;

/// <summary>POST /api/ops/zones/{zoneId}/lockers: the operator adds a locker (外卖柜); checkout offers it at once.</summary>
internal static class AddLocker
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/ops/zones/{zoneId:guid}/lockers", HandleAsync).Validate<LockerRequest>().RequireAuthorization(Roles.Operator)
            .WithTags("Ops lockers").Produces<LockerView>(StatusCodes.Status201Created);

    private static async Task<IResult> HandleAsync(Guid zoneId, LockerRequest request, CatalogDb db, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId, ct);
        if (zone is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        if (await LockerRules.RefusalAsync(db, zone, request, Guid.Empty, ct) is { } refusal)
        {
            return refusal;
        }

        var locker = new Locker
        {
            Id = Guid.CreateVersion7(),
            ZoneId = zoneId,
            Name = request.CleanName(),
            Latitude = request.Latitude!.Value,
            Longitude = request.Longitude!.Value,
        };
        db.Lockers.Add(locker);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/zones/{zoneId}/lockers", LockerView.Of(locker));
    }
}
