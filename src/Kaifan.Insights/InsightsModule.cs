using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.OnTime;
using Kaifan.Insights.Planning;
using Kaifan.Insights.PrepTimes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Insights;

/// <summary>
/// Insights module entry point: on-time monitoring (order timelines from the events, reports, alerts, learned prep
/// times for ETAs, travel flags for dispatch) and the demand forecaster, retrained daily in the background.
/// </summary>
public static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddModuleDb<InsightsDb, SqliteInsightsDb, PostgresInsightsDb>(storage, InsightsDb.SchemaName);
        services.AddSingleton(OnTimeSettings.FromConfiguration(configuration));
        services.AddValidatorsFromAssemblyContaining<InsightsDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton<PrepTimeEstimates>();
        services.AddSingleton<IPrepTimeEstimates>(sp => sp.GetRequiredService<PrepTimeEstimates>());
        services.AddSingleton<IZoneTravelFlags, TravelFlags>();
        services.ConfigureWolverine(o => o.CodeGeneration.AlwaysUseServiceLocationFor<InsightsDb>());

        services.AddSingleton(ForecastSettings.FromConfiguration(configuration));
        services.AddScoped<DemandCounts>();
        services.AddSingleton<IDemoSeeder, DemoDemandHistory>();
        services.AddSingleton<ForecastService>();
        services.AddHostedService(sp => sp.GetRequiredService<ForecastService>());

        services.AddSingleton<Recommendations.RecommendationRandom>();
        services.AddScoped<IPersonalDataExport, Recommendations.RecommendationsDataExport>();
        services.AddScoped<IPersonalDataErasure, Recommendations.RecommendationsErasure>();
        services.AddSingleton<IDemoSeeder, Experiments.DemoExperiments>();
        services.AddScoped<IPersonalDataExport, Experiments.ExperimentsDataExport>();
        services.AddScoped<IPersonalDataErasure, Experiments.ExperimentsErasure>();
        return services;
    }

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        GetOnTime.Map(endpoints);
        ListAlerts.Map(endpoints);
        GetForecast.Map(endpoints);
        RetrainForecast.Map(endpoints);
        ImportDemandHistory.Map(endpoints);
        GetPrepTimes.Map(endpoints);
        Recommendations.RecommendShops.Map(endpoints);
        Recommendations.RecordShelfEvents.Map(endpoints);
        Experiments.CreateExperiment.Map(endpoints);
        Experiments.StartStopExperiment.Map(endpoints);
        Experiments.ListExperiments.Map(endpoints);
        Experiments.GetAssignment.Map(endpoints);
        return endpoints;
    }
}
