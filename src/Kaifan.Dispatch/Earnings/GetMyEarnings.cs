using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Dispatch.Riders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Earnings;

/// <summary>One Shanghai day: what the rider earned and for how many orders (zero on a day without any).</summary>
internal sealed record EarningDayView(DateOnly Day, long TotalFen, int Orders);

internal sealed record EarningEntryView(
    Guid OrderId, string OrderNumber, DateTimeOffset DeliveredAt, int DistanceMetres, long BaseFen, long DistanceFen, long BadWeatherFen,
    long SpecialCareFen, long TotalFen);

/// <summary>Days oldest first, the last one today; Today lists today's orders newest first, each with its parts.</summary>
internal sealed record EarningsView(long TodayFen, int TodayOrders, IReadOnlyList<EarningDayView> Days, IReadOnlyList<EarningEntryView> Today);

/// <summary>GET /api/rider/earnings?days=7: the signed-in rider's own earnings by Shanghai day, and today's orders with their parts.</summary>
internal static class GetMyEarnings
{
    internal sealed record Query(int? Days);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Days).InclusiveBetween(1, 31).When(q => q.Days is not null)
            .WithMessage("天数须在1到31之间 (days must be 1..31)");
    }

    public static void Map(RouteGroupBuilder rider) =>
        rider.MapGet("/earnings", HandleAsync).Validate<Query>().Produces<EarningsView>();

    private static async Task<IResult> HandleAsync([AsParameters] Query query, ClaimsPrincipal user, DispatchDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!user.TryGetRider(out var riderId))
        {
            return RiderRoutes.NoRider();
        }

        var today = ChinaTime.DayOf(clock.GetUtcNow());
        var firstDay = today.AddDays(1 - (query.Days ?? 7));
        var since = ChinaTime.StartOf(firstDay);
        var rows = await db.RiderEarnings.AsNoTracking().Where(e => e.RiderId == riderId && e.DeliveredAt >= since).ToListAsync(ct);

        var byDay = rows.ToLookup(DayOf);
        var days = Enumerable.Range(0, today.DayNumber - firstDay.DayNumber + 1).Select(firstDay.AddDays)
            .Select(day => new EarningDayView(day, byDay[day].Sum(e => e.TotalFen), byDay[day].Count()))
            .ToList();
        var todays = byDay[today].OrderByDescending(e => e.DeliveredAt)
            .Select(e => new EarningEntryView(
                e.OrderId, e.OrderNumber, e.DeliveredAt, e.DistanceMetres, e.BaseFen, e.DistanceFen, e.BadWeatherFen, e.SpecialCareFen, e.TotalFen))
            .ToList();
        return Results.Ok(new EarningsView(days[^1].TotalFen, days[^1].Orders, days, todays));
    }

    private static DateOnly DayOf(RiderEarning e) => ChinaTime.DayOf(e.DeliveredAt);
}
