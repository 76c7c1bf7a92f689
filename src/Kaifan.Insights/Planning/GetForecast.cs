using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.Forecasting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Insights.Planning;

internal sealed record ForecastStatusView(
    string State, int Percent, DateTimeOffset? StartedAt, DateTimeOffset? LastTrainedAt, int TrainingRows, int HistoryHours,
    double? ModelWape, string BestBaseline, double? BestBaselineWape, string Shipped, string Note)
{
    public static ForecastStatusView From(ForecastStatus s) => new(s.State.ToString().ToLowerInvariant(), s.Percent, s.StartedAt,
        s.LastTrainedAt, s.TrainingRows, s.HistoryHours, s.ModelWape, s.BestBaseline, s.BestBaselineWape, s.Shipped, s.Note);
}

internal sealed record HourCountView(DateTimeOffset Hour, int Orders);

internal sealed record HourForecastView(int Horizon, DateTimeOffset Hour, double Orders);

internal sealed record ZoneForecastView(
    Guid ZoneId, string ZoneName, IReadOnlyList<HourCountView> Recent, int CurrentHourSoFar, IReadOnlyList<HourForecastView> Forecast,
    string Method, int RidersNeeded, int OnlineRiders, int IdleRiders, int Gap);

internal sealed record RiderMoveView(Guid FromZoneId, string FromZoneName, Guid ToZoneId, string ToZoneName, int Riders);

internal sealed record ForecastView(
    ForecastStatusView Training, DateTimeOffset IssuedAt, double OrdersPerRiderHour, IReadOnlyList<ZoneForecastView> Zones,
    IReadOnlyList<RiderMoveView> Moves);

/// <summary>GET /api/ops/insights/forecast: per zone the recent hours' orders, the forecast of the current and the next hour
/// (issued at the top of the current hour from complete hours only), riders needed against riders online, and where to
/// send idle riders before a zone runs short.</summary>
internal static class GetForecast
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ops/insights/forecast", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Ops insights")
            .Produces<ForecastView>();

    private static async Task<IResult> HandleAsync(ForecastService service, ForecastSettings settings, TimeProvider clock,
        DemandCounts volumes, IZoneRiderSupply supply, ICatalogQueries catalog, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var issuedAt = ZoneHistory.HourStart(now);
        var from = issuedAt.AddHours(-ForecastSettings.ForecastHistoryHours);
        var counts = await volumes.HourlyAsync(from, issuedAt.AddHours(1), ct);
        var riders = (await supply.OnlineRidersAsync(ct)).ToDictionary(r => r.ZoneId);

        var trained = service.Current ?? new TrainedForecaster(null, [], Method.ScaledFourWeekMean, Method.ScaledFourWeekMean,
            null, null, 0, 0, "");
        var zones = trained.ZoneIds.Concat(counts.Select(c => c.ZoneId).Concat(riders.Keys).Distinct().Except(trained.ZoneIds).Order()).ToArray();
        var firstOrder = counts.Count == 0 ? issuedAt : counts.Min(c => c.Hour);
        var history = ZoneHistory.Build(counts, zones, from, ForecastSettings.ForecastHistoryHours, firstKnown: firstOrder);
        var forecasts = trained.Forecast(history, settings.Model);

        var views = new List<ZoneForecastView>(zones.Length);
        var suggestions = new List<StaffingSuggestion>(zones.Length);
        var names = new Dictionary<Guid, string>();
        for (var z = 0; z < zones.Length; z++)
        {
            var zoneId = zones[z];
            names[zoneId] = (await catalog.GetZoneAsync(zoneId, ct))?.Name ?? zoneId.ToString()[..8];
            var recent = Enumerable.Range(history.Hours - settings.RecentHours, settings.RecentHours)
                .Select(i => new HourCountView(issuedAt.AddHours(i - history.Hours), float.IsNaN(history.Counts[z][i]) ? 0 : (int)history.Counts[z][i])).ToList();
            var soFar = counts.Where(c => c.ZoneId == zoneId && c.Hour == issuedAt).Sum(c => c.Count);
            var forecast = Enumerable.Range(1, LiveForecaster.Horizons)
                .Select(h => new HourForecastView(h, issuedAt.AddHours(h - 1), Math.Round(forecasts[z][h - 1], 1))).ToList();
            var online = riders.GetValueOrDefault(zoneId);
            var suggestion = StaffingPlanner.Suggest(
                new ZoneOutlook(zoneId, forecast.Max(f => f.Orders), online?.Online ?? 0, online?.Idle ?? 0), settings.OrdersPerRiderHour);
            suggestions.Add(suggestion);
            var method = trained.Shipped == Method.Model && z >= trained.ZoneIds.Length ? trained.BestBaseline : trained.Shipped;
            views.Add(new ZoneForecastView(zoneId, names[zoneId], recent, soFar, forecast, MethodNames.Of(method),
                suggestion.RidersNeeded, suggestion.Online, suggestion.Idle, suggestion.Gap));
        }

        var moves = StaffingPlanner.PrePosition(suggestions)
            .Select(m => new RiderMoveView(m.FromZoneId, names[m.FromZoneId], m.ToZoneId, names[m.ToZoneId], m.Riders)).ToList();
        return Results.Ok(new ForecastView(ForecastStatusView.From(service.Status), issuedAt, settings.OrdersPerRiderHour,
            views.OrderBy(v => v.ZoneName, StringComparer.Ordinal).ToList(), moves));
    }
}
