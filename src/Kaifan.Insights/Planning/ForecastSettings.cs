using Kaifan.Insights.Forecasting;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Insights.Planning;

/// <summary>Kaifan:Insights:Forecast:* — OrdersPerRiderHour is what one rider delivers in an hour on campus;
/// RetrainAtUtc is the daily retraining time (20:00 UTC = 04:00 in Shanghai, the quietest hour).</summary>
internal sealed record ForecastSettings(double OrdersPerRiderHour, TimeSpan RetrainAtUtc, int RecentHours, ModelOptions Model)
{
    public static ForecastSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kaifan:Insights:Forecast");
        var defaults = new ModelOptions();
        return new ForecastSettings(
            section.GetValue<double?>("OrdersPerRiderHour") ?? 3.0,
            section.GetValue<TimeSpan?>("RetrainAtUtc") ?? TimeSpan.FromHours(20),
            section.GetValue<int?>("RecentHours") ?? 12,
            defaults with
            {
                Trees = section.GetValue<int?>("Trees") ?? defaults.Trees,
                TrainingDays = section.GetValue<int?>("TrainingDays") ?? defaults.TrainingDays,
                Objective = section.GetValue<string?>("Objective") ?? defaults.Objective,
            });
    }

    /// <summary>Hours of counts the forecaster reads: the training window plus the 4-week profile and the check week.</summary>
    public int TrainingHistoryHours => (Model.TrainingDays + 28 + LiveForecaster.ValidationDays) * 24;

    /// <summary>Enough for every feature of a forecast issued now: two weeks back from a target plus the 4-week profile.</summary>
    public const int ForecastHistoryHours = (28 + 14) * 24;
}
