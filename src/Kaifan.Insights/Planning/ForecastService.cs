using System.Threading.Channels;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.Forecasting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kaifan.Insights.Planning;

internal enum TrainingState { Idle, Training, Ready, Failed }

/// <summary>The forecaster's progress as the ops console shows it. Shipped is "model" or the baseline that ships.</summary>
internal sealed record ForecastStatus(
    TrainingState State,
    int Percent,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastTrainedAt,
    int TrainingRows,
    int HistoryHours,
    double? ModelWape,
    string BestBaseline,
    double? BestBaselineWape,
    string Shipped,
    string Note)
{
    public static readonly ForecastStatus Initial = new(TrainingState.Idle, 0, null, null, 0, 0, null,
        MethodNames.Of(Method.ScaledFourWeekMean), null, MethodNames.Of(Method.ScaledFourWeekMean), "尚未训练 (not trained yet)");
}

internal static class MethodNames
{
    public static string Of(Method method) => method switch
    {
        Method.Model => "model",
        Method.SameHourYesterday => "same-hour-yesterday",
        Method.SameHourLastWeek => "same-hour-last-week",
        Method.FourWeekMean => "four-week-mean",
        _ => "scaled-four-week-mean",
    };
}

/// <summary>Retrains the demand forecaster at start, every day at <see cref="ForecastSettings.RetrainAtUtc"/> and on request,
/// on the platform's own order history and what was imported from before it (<see cref="DemandCounts"/>). State lives in memory: a restart retrains.</summary>
internal sealed class ForecastService(IServiceScopeFactory scopes, TimeProvider clock, ForecastSettings settings, ILogger<ForecastService> log)
    : BackgroundService
{
    private readonly Channel<bool> requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // Request threads and the training thread both move the status on; each move reads the status it replaces.
    private readonly Lock statusGate = new();
    private volatile ForecastStatus status = ForecastStatus.Initial;
    private volatile TrainedForecaster? current;

    public ForecastStatus Status => status;

    public TrainedForecaster? Current => current;

    /// <summary>Queues a retrain. A request during a run queues one more run (it may have new orders to learn); requests
    /// while one is queued are absorbed by it.</summary>
    public void RequestRetrain()
    {
        Move(s => s.State == TrainingState.Training ? s : s with { State = TrainingState.Training, Percent = 0, StartedAt = clock.GetUtcNow() });
        requests.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RequestRetrain();
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                var daily = Task.Delay(UntilNextDailyRun(), clock, wait.Token);
                var asked = requests.Reader.WaitToReadAsync(wait.Token).AsTask();
                try
                {
                    await Task.WhenAny(daily, asked);
                }
                finally
                {
                    await wait.CancelAsync();
                }
            }
            if (stoppingToken.IsCancellationRequested) break;
            requests.Reader.TryRead(out _);
            await TrainOnceAsync(stoppingToken);
        }
    }

    internal async Task TrainOnceAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        Move(s => s with { State = TrainingState.Training, Percent = 0, StartedAt = started });
        try
        {
            // Hours up to the last complete one: the current hour is still filling.
            var end = ZoneHistory.HourStart(started);
            var from = end.AddHours(-settings.TrainingHistoryHours);
            IReadOnlyList<ZoneHourCount> counts;
            await using (var scope = scopes.CreateAsyncScope())
                counts = await scope.ServiceProvider.GetRequiredService<DemandCounts>().HourlyAsync(from, end, ct);
            // Start at the first order so a young platform is not taken for one with weeks of empty hours.
            var first = counts.Count == 0 ? end : counts.Min(c => c.Hour);
            var zones = counts.Select(c => c.ZoneId).Distinct().Order().ToArray();
            var history = ZoneHistory.Build(counts, zones, first, (int)Math.Round((end - first).TotalHours));
            var trained = await Task.Run(() => LiveForecaster.Train(history, zones, settings.Model,
                p => Move(s => s with { Percent = p }), ct), ct);
            current = trained;
            Move(_ => new ForecastStatus(TrainingState.Ready, 100, started, clock.GetUtcNow(), trained.TrainingRows, trained.HistoryHours,
                trained.ModelWape, MethodNames.Of(trained.BestBaseline), trained.BestBaselineWape, MethodNames.Of(trained.Shipped), trained.Note));
            log.LogInformation("Demand forecaster trained on {Hours} hours: {Shipped} ships ({Note})", trained.HistoryHours, status.Shipped, trained.Note);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The previous forecaster (if any) keeps serving; the console shows why this run failed.
            log.LogError(e, "Demand forecaster training failed");
            Move(s => s with { State = TrainingState.Failed, Note = "训练失败 (training failed): " + e.Message });
        }
    }

    private void Move(Func<ForecastStatus, ForecastStatus> change)
    {
        lock (statusGate)
        {
            status = change(status);
        }
    }

    private TimeSpan UntilNextDailyRun()
    {
        var now = clock.GetUtcNow();
        var next = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + settings.RetrainAtUtc;
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}
