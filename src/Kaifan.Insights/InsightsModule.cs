using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Insights;

/// <summary>Insights module entry point. Forecasting is offline-only for now (bench + tests); the ops-console endpoints and
/// the daily retraining job come later, so nothing is registered yet.</summary>
public static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services) => services;
}
