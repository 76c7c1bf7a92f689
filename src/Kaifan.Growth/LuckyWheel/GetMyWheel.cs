using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// GET /api/growth/wheel[?wheelId=]: the wheel as the customer sees it (the running one that started last, unless one
/// is named): its segments, the spins left today, the last result, the coupons won and the code for the share link (made on the first ask).
/// 404 naming "wheelId" when no wheel runs.
/// </summary>
internal static class GetMyWheel
{
    private const int PrizesShown = 20;

    internal sealed record SegmentView(int Segment, string Kind, long AmountFen, long MinSpendFen, bool SoldOut);

    internal sealed record SpinView(Guid SpinId, int Segment, string Kind, long AmountFen, long MinSpendFen, DateTimeOffset SpunAt);

    /// <summary>SpinCount counts every spin of the customer on this wheel, so a page can turn the wheel further each time.</summary>
    internal sealed record Response(
        Guid WheelId, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay,
        List<SegmentView> Segments, int SpinsLeft, int SpinsToday, int ShareSpinsToday, string ShareCode, int SpinCount, SpinView? LastSpin,
        List<SpinView> MyPrizes);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/growth/wheel", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid? wheelId, ClaimsPrincipal user, GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var day = ChinaTime.DayOf(now);
        var wheel = wheelId is { } id
            ? await db.Wheels.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct)
            : await db.Wheels.AsNoTracking()
                .Where(w => w.StartsAt <= now && now < w.EndsAt)
                .OrderByDescending(w => w.StartsAt).ThenByDescending(w => w.CreatedAt)
                .FirstOrDefaultAsync(ct);
        if (wheel is null)
        {
            return WheelProblems.NoSuchWheel();
        }

        var today = await db.WheelDays.AsNoTracking().SingleOrDefaultAsync(d => d.WheelId == wheel.Id && d.CustomerId == customerId && d.Day == day, ct);
        var spins = db.WheelSpins.AsNoTracking().Where(s => s.WheelId == wheel.Id && s.CustomerId == customerId);
        var spinCount = await spins.CountAsync(ct);
        var last = await spins.OrderByDescending(s => s.SpunAt).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var won = await spins.Where(s => s.AmountFen > 0).OrderByDescending(s => s.SpunAt).ThenByDescending(s => s.Id).Take(PrizesShown).ToListAsync(ct);
        var shareCode = await WheelAllowance.ShareCodeAsync(db, customerId, ct);
        return Results.Ok(new Response(
            wheel.Id, wheel.Name, wheel.StartsAt, wheel.EndsAt, wheel.FreeSpinsPerDay, wheel.MaxShareSpinsPerDay,
            wheel.Prizes.OrderBy(p => p.Segment).Select(p => new SegmentView(p.Segment, p.Kind, p.AmountFen, p.MinSpendFen, !p.InStock)).ToList(),
            wheel.RunsAt(now) ? WheelAllowance.SpinsLeft(wheel, today) : 0, today?.Spins ?? 0, today?.ShareSpins ?? 0, shareCode, spinCount,
            last is null ? null : ViewOf(last), won.Select(ViewOf).ToList()));
    }

    private static SpinView ViewOf(WheelSpin s) =>
        new(s.Id, s.Segment, s.AmountFen > 0 ? WheelRules.CouponKind : WheelRules.NothingKind, s.AmountFen, s.MinSpendFen, s.SpunAt);
}
