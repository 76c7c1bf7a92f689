using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Dispatch.Riders;

internal static class RiderRoutes
{
    /// <summary>/api/rider/*, riders only.</summary>
    public static RouteGroupBuilder MapRiderApp(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/rider").RequireAuthorization(Roles.Rider).WithTags("Rider app");

    public static bool TryGetRider(this ClaimsPrincipal user, out Guid riderId)
    {
        riderId = user.RiderId() ?? Guid.Empty;
        return riderId != Guid.Empty;
    }

    public static IResult NoRider() => Problems.NotFound("骑手 (rider)");
}
