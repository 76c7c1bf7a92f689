using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

internal sealed record RiderStatusView(bool Online, Guid? ZoneId, double? Latitude, double? Longitude, DateTimeOffset? At, DateTimeOffset? ShiftEndsAt = null);

/// <summary>
/// POST /api/rider/online: 上线 in a zone at a position; offers start with the zone's next round. ShiftEndsAt (下班时间,
/// optional): dispatch plans no pickup after it; without it the rider is planned as staying on.
/// </summary>
internal static class GoOnline
{
    /// <summary>Nullable coordinates: a missing one must be refused, not read as 0 (a rider placed on the equator).</summary>
    internal sealed record Request(Guid ZoneId, double? Latitude, double? Longitude, DateTimeOffset? ShiftEndsAt = null);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ZoneId).NotEmpty().WithMessage("请选择区域 (zoneId is required)");
            RuleFor(r => r.Latitude).Cascade(CascadeMode.Stop).NotNull().WithMessage(RiderPositionRules.LatitudeMissing)
                .InclusiveBetween(-90, 90).WithMessage(RiderPositionRules.LatitudeInvalid);
            RuleFor(r => r.Longitude).Cascade(CascadeMode.Stop).NotNull().WithMessage(RiderPositionRules.LongitudeMissing)
                .InclusiveBetween(-180, 180).WithMessage(RiderPositionRules.LongitudeInvalid);
            RuleFor(r => r.Latitude).Must((r, _) => !RiderPositionRules.IsNullIsland(r.Latitude, r.Longitude)).WithMessage(RiderPositionRules.NullIsland);
        }
    }

    public static void Map(RouteGroupBuilder rider) =>
        rider.MapPost("/online", HandleAsync).Validate<Request>().Produces<RiderStatusView>().ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        Request request, ClaimsPrincipal user, DispatchDb db, IGrainFactory grains, PositionBuffer buffer, TimeProvider clock, IConsents consents,
        CancellationToken ct)
    {
        if (request.ShiftEndsAt is { } shiftEnd && shiftEnd <= clock.GetUtcNow())
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["shiftEndsAt"] = ["下班时间须晚于现在 (shiftEndsAt must be later than now)"] });
        }

        // An erased rider is no rider, though another host may still trust their token for a minute (ADR 0004, 0026).
        var profile = user.TryGetRider(out var riderId)
            ? await db.Riders.AsNoTracking().SingleOrDefaultAsync(r => r.RiderId == riderId && r.ErasedAt == null, ct)
            : null;
        if (profile is null)
        {
            return RiderRoutes.NoRider();
        }

        // Online means sharing the position with the station and the customers of the orders carried: only with consent.
        if (!await consents.HasConsentAsync(user.UserId(), ConsentPurposes.Location, ct))
        {
            return Problems.Conflict("上线需先同意共享位置信息 (going online needs location consent: PUT /api/me/consents/location)", ConsentPurposes.Location);
        }

        buffer.Forget(riderId);
        // Stored as UTC (PostgreSQL's timestamptz takes no other offset); a Shanghai client may send +08:00.
        var previous = await grains.GetGrain<IRiderGrain>(riderId).GoOnline(
            request.ZoneId, request.Latitude!.Value, request.Longitude!.Value, RiderCapabilities.Of(profile), request.ShiftEndsAt?.ToUniversalTime());
        if (previous is { } oldZone)
        {
            await grains.GetGrain<IZoneGrain>(oldZone).RiderOffline(riderId);
        }

        // Offline after going online: the rider was erased meanwhile, and the grain stored nothing (ADR 0026).
        var now = await grains.GetGrain<IRiderGrain>(riderId).Snapshot();
        if (!now.Online)
        {
            return RiderRoutes.NoRider();
        }

        await grains.GetGrain<IZoneGrain>(request.ZoneId).RiderOnline(riderId);
        buffer.MarkOnline(riderId);
        return Results.Ok(new RiderStatusView(true, request.ZoneId, request.Latitude, request.Longitude, now.At, now.ShiftEndsAt));
    }
}
