using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.SecretCodes;

/// <summary>
/// POST /api/ops/growth/secret-codes/{id}/stop: the operator ends a code now (a leaked code, a budget better spent
/// elsewhere); coupons already granted stay valid. A code already over is 409 naming "status".
/// </summary>
internal static class StopSecretCode
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/growth/secret-codes/{id:guid}/stop", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<SecretCodeView>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.SecretCodes.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("口令红包");
        }

        var stopped = await db.SecretCodes.Where(c => c.Id == id && c.EndsAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsAt, now), ct);
        if (stopped == 0)
        {
            return Problems.Conflict("该口令红包已结束 (the code has already ended)", "status");
        }

        var code = await db.SecretCodes.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        return Results.Ok(SecretCodeView.Of(code, now));
    }
}
