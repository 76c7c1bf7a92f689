using Kaifan.Insights.Planning;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Insights;

/// <summary>Insights module entry point: the demand forecaster (retrained daily in the background) and its ops endpoints.</summary>
public static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ForecastSettings.FromConfiguration(configuration));
        services.AddSingleton<ForecastService>();
        services.AddHostedService(sp => sp.GetRequiredService<ForecastService>());
        return services;
    }

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        GetForecast.Map(endpoints);
        RetrainForecast.Map(endpoints);
        return endpoints;
    }
}
