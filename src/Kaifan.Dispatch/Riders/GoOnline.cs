using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

internal sealed record RiderStatusView(bool Online, Guid? ZoneId, double? Latitude, double? Longitude, DateTimeOffset? At);

/// <summary>POST /api/rider/online: 上线 in a zone at a position; offers start with the zone's next round.</summary>
internal static class GoOnline
{
    internal sealed record Request(Guid ZoneId, double Latitude, double Longitude);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ZoneId).NotEmpty().WithMessage("请选择区域 (zoneId is required)");
            RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage("纬度无效 (latitude must be -90..90)");
            RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage("经度无效 (longitude must be -180..180)");
        }
    }

    public static void Map(RouteGroupBuilder rider) =>
        rider.MapPost("/online", HandleAsync).Validate<Request>().Produces<RiderStatusView>();

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, DispatchDb db, IGrainFactory grains, PositionBuffer buffer, CancellationToken ct)
    {
        var profile = user.TryGetRider(out var riderId) ? await db.Riders.AsNoTracking().SingleOrDefaultAsync(r => r.RiderId == riderId, ct) : null;
        if (profile is null)
        {
            return RiderRoutes.NoRider();
        }

        buffer.Forget(riderId);
        var previous = await grains.GetGrain<IRiderGrain>(riderId).GoOnline(request.ZoneId, request.Latitude, request.Longitude, RiderCapabilities.Of(profile));
        if (previous is { } oldZone)
        {
            await grains.GetGrain<IZoneGrain>(oldZone).RiderOffline(riderId);
        }

        await grains.GetGrain<IZoneGrain>(request.ZoneId).RiderOnline(riderId);
        buffer.MarkOnline(riderId);
        var now = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        return Results.Ok(new RiderStatusView(true, request.ZoneId, request.Latitude, request.Longitude, now.At));
    }
}
