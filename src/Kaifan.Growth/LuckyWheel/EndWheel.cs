using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// POST /api/ops/growth/wheels/{wheelId}/end: 结束活动 now. Spins from this moment are refused as after the wheel's end;
/// coupons already won stay the customers'. A wheel that had not started ends without having run.
/// </summary>
internal static class EndWheel
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/growth/wheels/{wheelId:guid}/end", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<WheelOpsView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid wheelId, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.Wheels.AnyAsync(w => w.Id == wheelId, ct))
        {
            return WheelProblems.NoSuchWheel();
        }

        var ended = await db.Wheels.Where(w => w.Id == wheelId && w.EndsAt > now).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.StartsAt, w => w.StartsAt < now ? w.StartsAt : now)
            .SetProperty(w => w.EndsAt, now), ct);
        if (ended == 0)
        {
            return Problems.Conflict("活动已结束 (the wheel has already ended)", WheelProblems.WheelField);
        }

        var wheel = await db.Wheels.AsNoTracking().SingleAsync(w => w.Id == wheelId, ct);
        return Results.Ok(WheelOpsView.Of(wheel, now, await ListWheels.SpinsTodayAsync(db, wheelId, now, ct)));
    }
}
