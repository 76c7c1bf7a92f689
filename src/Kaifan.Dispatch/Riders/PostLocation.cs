using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// POST /api/rider/location, about every 5 s while online: the host's buffer takes the position and hands the
/// latest one per rider to the rider's grain a moment later (no grain call per ping); the history stores a sample
/// a few seconds later. Offline riders get 409: a rider this host does not know as online is asked of the grain.
/// </summary>
internal static class PostLocation
{
    internal sealed record Request(double Latitude, double Longitude);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage("纬度无效 (latitude must be -90..90)");
            RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage("经度无效 (longitude must be -180..180)");
        }
    }

    public static void Map(RouteGroupBuilder rider) =>
        rider.MapPost("/location", HandleAsync).Validate<Request>().Produces(StatusCodes.Status204NoContent);

    private static async ValueTask<IResult> HandleAsync(Request request, ClaimsPrincipal user, IGrainFactory grains, PositionBuffer buffer, TimeProvider clock)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var position = new RiderPosition { RiderId = riderId, Latitude = request.Latitude, Longitude = request.Longitude, At = clock.GetUtcNow() };
        if (!buffer.KnownOnline(riderId))
        {
            if (!await grains.GetGrain<IRiderGrain>(riderId).Locate(position.Latitude, position.Longitude, position.At))
            {
                return Problems.Conflict("骑手未上线，请先上线 (go online before sharing a location)", "online");
            }

            buffer.MarkOnline(riderId);
        }

        buffer.Add(position);
        return Results.NoContent();
    }
}
