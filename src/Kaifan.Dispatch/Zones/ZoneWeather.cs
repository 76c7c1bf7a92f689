using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Dispatch.Zones;

/// <summary>What an operator says about a zone's conditions; survives a zone grain's restart.</summary>
internal sealed class ZoneCondition
{
    public Guid ZoneId { get; init; }
    public bool BadWeather { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Each time an operator sets a zone's weather: a rider's bad-weather bonus is judged at the delivery's moment, which a
/// late or replayed delivery event could not learn from the zone's present condition.
/// </summary>
internal sealed class ZoneWeatherChange
{
    public long Id { get; init; }
    public Guid ZoneId { get; init; }
    public bool BadWeather { get; init; }
    public DateTimeOffset At { get; init; }

    public static Task<bool> WasBadAsync(DispatchDb db, Guid zoneId, DateTimeOffset at, CancellationToken ct) =>
        db.ZoneWeatherChanges.AsNoTracking()
            .Where(c => c.ZoneId == zoneId && c.At <= at)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => c.BadWeather)
            .FirstOrDefaultAsync(ct);
}

internal sealed class ZoneWeatherChangeConfiguration : IEntityTypeConfiguration<ZoneWeatherChange>
{
    public void Configure(EntityTypeBuilder<ZoneWeatherChange> change)
    {
        change.ToTable("dispatch_zone_weather_changes");
        change.HasKey(c => c.Id);
        change.HasIndex(c => new { c.ZoneId, c.At });
    }
}

internal sealed class ZoneConditionConfiguration : IEntityTypeConfiguration<ZoneCondition>
{
    public void Configure(EntityTypeBuilder<ZoneCondition> condition)
    {
        condition.ToTable("dispatch_zone_conditions");
        condition.HasKey(c => c.ZoneId);
        condition.Property(c => c.ZoneId).ValueGeneratedNever();
    }
}

internal sealed record ZoneWeatherView(Guid ZoneId, bool BadWeather, DateTimeOffset UpdatedAt);

/// <summary>PUT /api/ops/zones/{zoneId}/weather: the operator flags bad weather (恶劣天气), so top customers' orders weigh more.</summary>
internal static class ZoneWeather
{
    internal sealed record Request(bool? BadWeather);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.BadWeather).NotNull().WithMessage("请说明是否恶劣天气 (badWeather is required)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/api/ops/zones/{zoneId:guid}/weather", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .Validate<Request>()
            .WithTags("Ops")
            .Produces<ZoneWeatherView>();

    private static async Task<IResult> HandleAsync(
        Guid zoneId, Request request, ICatalogQueries catalog, DispatchDb db, IGrainFactory grains, TimeProvider clock, CancellationToken ct)
    {
        if (await catalog.GetZoneAsync(zoneId, ct) is null)
        {
            return Problems.NotFound("配送区域 (zone)");
        }

        var now = clock.GetUtcNow();
        var condition = await db.ZoneConditions.SingleOrDefaultAsync(c => c.ZoneId == zoneId, ct);
        if (condition is null)
        {
            db.ZoneConditions.Add(condition = new ZoneCondition { ZoneId = zoneId });
        }

        condition.BadWeather = request.BadWeather!.Value;
        condition.UpdatedAt = now;
        db.ZoneWeatherChanges.Add(new ZoneWeatherChange { ZoneId = zoneId, BadWeather = condition.BadWeather, At = now });
        await db.SaveChangesAsync(ct);
        await grains.GetGrain<IZoneGrain>(zoneId).SetWeather(condition.BadWeather);
        return Results.Ok(new ZoneWeatherView(zoneId, condition.BadWeather, now));
    }
}
