using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Lockers;

/// <summary>
/// PUT /api/ops/zones/{zoneId}/lockers/{lockerId}: the operator renames or moves a locker. Orders placed before keep
/// the name and position they were placed with (Ordering copies both), so their riders still deliver where the
/// customer was told.
/// </summary>
internal static class EditLocker
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/ops/zones/{zoneId:guid}/lockers/{lockerId:guid}", HandleAsync).Validate<LockerRequest>().RequireAuthorization(Roles.Operator)
            .WithTags("Ops lockers").Produces<LockerView>();

    private static async Task<IResult> HandleAsync(Guid zoneId, Guid lockerId, LockerRequest request, CatalogDb db, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId, ct);
        if (zone is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var locker = await db.Lockers.SingleOrDefaultAsync(l => l.Id == lockerId && l.ZoneId == zoneId, ct);
        if (locker is null)
        {
            return Problems.NotFound("外卖柜 (locker)");
        }

        if (await LockerRules.RefusalAsync(db, zone, request, lockerId, ct) is { } refusal)
        {
            return refusal;
        }

        locker.Name = request.CleanName();
        locker.Latitude = request.Latitude!.Value;
        locker.Longitude = request.Longitude!.Value;
        await db.SaveChangesAsync(ct);
        return Results.Ok(LockerView.Of(locker));
    }
}
