using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Riders;

/// <summary>
/// POST /api/rider/location, about every 5 s while online: the rider's grain takes the position in memory and
/// the buffer stores it with others a few seconds later. Offline riders get 409.
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

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, IGrainFactory grains, PositionBuffer buffer, TimeProvider clock)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        if (!await grains.GetGrain<IRiderGrain>(riderId).Locate(request.Latitude, request.Longitude))
        {
            return Problems.Conflict("骑手未上线，请先上线 (go online before sharing a location)", "online");
        }

        buffer.Add(new RiderPosition { RiderId = riderId, Latitude = request.Latitude, Longitude = request.Longitude, At = clock.GetUtcNow() });
        return Results.NoContent();
    }
}
