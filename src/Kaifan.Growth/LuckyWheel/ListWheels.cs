using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>Left is null for a prize without a stock limit.</summary>
internal sealed record WheelPrizeOpsView(
    int Segment, string Kind, long AmountFen, long MinSpendFen, int CouponDays, int Weight, int? Stock, int Won, int? Left);

/// <summary>Status is scheduled, running or ended; SpinsToday counts the current Shanghai day's spins.</summary>
internal sealed record WheelOpsView(
    Guid Id, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSpinsPerDay, int MaxShareSpinsPerDay, string Status,
    int SpinsToday, List<WheelPrizeOpsView> Prizes)
{
    public static WheelOpsView Of(Wheel w, DateTimeOffset now, int spinsToday) => new(
        w.Id, w.Name, w.StartsAt, w.EndsAt, w.FreeSpinsPerDay, w.MaxShareSpinsPerDay, WheelRules.Status(w, now), spinsToday,
        w.Prizes.OrderBy(p => p.Segment).Select(p => new WheelPrizeOpsView(
            p.Segment, p.Kind, p.AmountFen, p.MinSpendFen, p.CouponDays, p.Weight, p.Stock, p.Won, p.Stock - p.Won)).ToList());
}

/// <summary>GET /api/ops/growth/wheels: every 幸运大转盘, newest first, with each prize's stock left and times won.</summary>
internal static class ListWheels
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/growth/wheels", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<List<WheelOpsView>>();

    private static async Task<IResult> HandleAsync(GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var wheels = await db.Wheels.AsNoTracking().ToListAsync(ct);
        var spinsToday = await db.WheelDays.AsNoTracking()
            .Where(d => d.Day == today)
            .GroupBy(d => d.WheelId)
            .Select(g => new { WheelId = g.Key, Spins = g.Sum(d => d.Spins) })
            .ToDictionaryAsync(g => g.WheelId, g => g.Spins, ct);
        return Results.Ok(wheels
            .OrderByDescending(w => w.CreatedAt).ThenBy(w => w.Id)
            .Select(w => WheelOpsView.Of(w, now, spinsToday.GetValueOrDefault(w.Id)))
            .ToList());
    }

    public static Task<int> SpinsTodayAsync(GrowthDb db, Guid wheelId, DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaTime.DayOf(now);
        return db.WheelDays.Where(d => d.WheelId == wheelId && d.Day == today).SumAsync(d => d.Spins, ct);
    }
}
