using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// PUT /api/ops/riders/{riderId}/profile: the operator records a rider's home zone and capability profile when
/// onboarding them (after POST /api/ops/staff gave the rider id), or corrects it later. A live rider sees it at once.
/// </summary>
internal static class SetRiderProfileByOps
{
    internal sealed record Request(Guid HomeZoneId, string? VehicleType, double BatteryRangeKm, int Capacity, bool AcceptsStairs) : IGearRequest;

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.HomeZoneId).NotEmpty().WithMessage("请选择区域 (homeZoneId is required)");
            Include(new GearValidator());
        }
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/ops/riders/{riderId:guid}/profile", HandleAsync)
            .Validate<Request>()
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops riders")
            .Produces<RiderProfileView>();

    private static async Task<IResult> HandleAsync(
        Guid riderId, Request request, DispatchDb db, [FromServices] ICatalogQueries catalog, IGrainFactory grains, CancellationToken ct)
    {
        if (await catalog.GetZoneAsync(request.HomeZoneId, ct) is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var profile = await db.Riders.SingleOrDefaultAsync(r => r.RiderId == riderId, ct);
        if (profile?.ErasedAt is not null)
        {
            return Problems.Conflict("该骑手已注销 (the rider erased their account)", "riderId");
        }

        if (profile is null)
        {
            profile = new RiderProfile { RiderId = riderId, VehicleType = request.VehicleType! };
            db.Riders.Add(profile);
        }

        profile.HomeZoneId = request.HomeZoneId;
        profile.VehicleType = request.VehicleType!;
        profile.BatteryRangeKm = request.BatteryRangeKm;
        profile.Capacity = request.Capacity;
        profile.AcceptsStairs = request.AcceptsStairs;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            return Problems.Conflict("骑手资料正在被修改，请重试 (the profile changed meanwhile; retry)");
        }

        await grains.GetGrain<IRiderGrain>(riderId).UpdateCapabilities(RiderCapabilities.Of(profile));
        return Results.Ok(RiderProfileView.From(profile));
    }
}
