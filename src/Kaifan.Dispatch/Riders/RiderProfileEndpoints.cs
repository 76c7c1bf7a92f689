using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

internal sealed record RiderProfileView(Guid RiderId, Guid HomeZoneId, string VehicleType, double SpeedKmh, double BatteryRangeKm, int Capacity, bool AcceptsStairs)
{
    public static RiderProfileView From(RiderProfile p) =>
        new(p.RiderId, p.HomeZoneId, p.VehicleType, VehicleTypes.SpeedOf(p.VehicleType), p.BatteryRangeKm, p.Capacity, p.AcceptsStairs);
}

/// <summary>What a rider states they can do, whether they say it (我的装备) or an operator records it.</summary>
internal interface IGearRequest
{
    string? VehicleType { get; }

    double BatteryRangeKm { get; }

    int Capacity { get; }
}

internal sealed class GearValidator : AbstractValidator<IGearRequest>
{
    public GearValidator()
    {
        RuleFor(r => r.VehicleType).NotEmpty().MaximumLength(16).Must(v => v is not null && VehicleTypes.SpeedKmh.ContainsKey(v))
            .WithMessage("交通工具须为 ebike / bicycle / scooter / foot (vehicleType must be ebike, bicycle, scooter or foot)");
        RuleFor(r => r.BatteryRangeKm).InclusiveBetween(0.5, 300).WithMessage("续航或最远距离须在0.5到300公里之间 (range must be 0.5..300 km)");
        RuleFor(r => r.Capacity).InclusiveBetween(1, 10).WithMessage("载单量须在1到10之间 (capacity must be 1..10)");
    }
}

/// <summary>GET/PUT /api/rider/profile: the capabilities dispatch respects. A change reaches the live rider at once.</summary>
internal static class RiderProfileEndpoints
{
    internal sealed record Request(string? VehicleType, double BatteryRangeKm, int Capacity, bool AcceptsStairs) : IGearRequest;

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => Include(new GearValidator());
    }

    public static void Map(RouteGroupBuilder rider)
    {
        rider.MapGet("/profile", GetAsync).Produces<RiderProfileView>();
        rider.MapPut("/profile", PutAsync).Validate<Request>().Produces<RiderProfileView>();
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, DispatchDb db, CancellationToken ct)
    {
        var profile = user.TryGetRider(out var riderId)
            ? await db.Riders.AsNoTracking().SingleOrDefaultAsync(r => r.RiderId == riderId && r.ErasedAt == null, ct)
            : null;
        return profile is null ? RiderRoutes.NoRider() : Results.Ok(RiderProfileView.From(profile));
    }

    private static async Task<IResult> PutAsync(Request request, ClaimsPrincipal user, DispatchDb db, IGrainFactory grains, CancellationToken ct)
    {
        // One guarded update: an erased rider's token may still be trusted on another host for a minute (ADR 0004), and
        // a read-then-save would write the gear back into the tombstone if the 注销 landed in between.
        var updated = user.TryGetRider(out var riderId)
            ? await db.Riders.Where(r => r.RiderId == riderId && r.ErasedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.VehicleType, request.VehicleType!)
                .SetProperty(r => r.BatteryRangeKm, request.BatteryRangeKm)
                .SetProperty(r => r.Capacity, request.Capacity)
                .SetProperty(r => r.AcceptsStairs, request.AcceptsStairs), ct)
            : 0;
        if (updated == 0)
        {
            return RiderRoutes.NoRider();
        }

        var profile = await db.Riders.AsNoTracking().SingleAsync(r => r.RiderId == riderId, ct);
        await grains.GetGrain<IRiderGrain>(riderId).UpdateCapabilities(RiderCapabilities.Of(profile));
        return Results.Ok(RiderProfileView.From(profile));
    }
}
