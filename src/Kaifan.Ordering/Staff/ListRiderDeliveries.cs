using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Staff;

/// <summary>
/// GET /api/rider/deliveries?date=today|yyyy-MM-dd&amp;limit=500: what the calling rider delivered on that Shanghai day,
/// newest first (masked, like every rider view), so 今日收入 and 已完成 survive a reload and a restart; More says earlier
/// ones that day lie beyond those listed. Only the rider's own.
/// </summary>
internal static class ListRiderDeliveries
{
    public const int DefaultLimit = 500;

    /// <remarks>A property rather than a positional record: the request delegate generator cannot bind a constructor's nullable strings.</remarks>
    internal sealed record Query
    {
        public string? Date { get; init; }

        public int? Limit { get; init; }
    }

    internal sealed record Response(string Date, int Count, IReadOnlyList<OrderView> Orders, bool More);

    private static readonly DateOnly Earliest = new(2020, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Date).MaximumLength(10)
                .Must(d => d is null || d == "today" || (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= Earliest && day <= Latest))
                .WithMessage("日期无效 (date must be today or yyyy-MM-dd, 2020-01-01 to 2099-12-31)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/rider/deliveries", HandleAsync)
            .Validate<Query>()
            .RequireAuthorization(Roles.Rider)
            .WithTags("Rider orders")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        [AsParameters] Query query, ClaimsPrincipal user, OrderingDb db, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var riderId = user.RiderId();
        if (riderId is null)
        {
            return Problems.NotFound("骑手 (rider)");
        }

        if (ListLimit.Refusal(query.Limit) is { } refused)
        {
            return refused;
        }

        var day = query.Date is null or "today"
            ? ChinaTime.DayOf(clock.GetUtcNow())
            : DateOnly.ParseExact(query.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = ChinaTime.StartOf(day);
        var to = from.AddDays(1);
        var (delivered, more) = await db.Orders.AsNoTracking()
            .Where(o => o.RiderId == riderId && o.Status == OrderStatus.Delivered && o.DeliveredAt >= from && o.DeliveredAt < to)
            .OrderByDescending(o => o.DeliveredAt).ThenByDescending(o => o.Id)
            .TakeWithMoreAsync(query.Limit ?? DefaultLimit, ct);
        var orders = delivered
            .Select(o => OrderView.From(o, protector, masked: true))
            .ToList();
        return Results.Ok(new Response(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), orders.Count, orders, more));
    }
}
