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
/// times for ETAs, travel flags for dispatch), the demand forecaster retrained daily in the background, RFM segments
/// with automatic campaigns, 猜你喜欢 recommendations and A/B experiments.
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

        services.AddScoped<Segments.SegmentRefresh>();
        services.AddScoped<IPersonalDataExport, Segments.ProfilesDataExport>();
        services.AddScoped<IPersonalDataErasure, Segments.ProfilesErasure>();
        services.AddScoped<Campaigns.CampaignRunner>();
        services.AddSingleton(Campaigns.CampaignSettings.FromConfiguration(configuration));
        services.AddHostedService<Campaigns.CampaignScheduler>();
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
        Segments.GetSegments.Map(endpoints);
        Campaigns.CreateCampaign.Map(endpoints);
        Campaigns.ListCampaigns.Map(endpoints);
        Campaigns.PauseCampaign.Map(endpoints);
        Campaigns.RunCampaignNow.Map(endpoints);
        Recommendations.RecommendShops.Map(endpoints);
        Recommendations.RecordShelfEvents.Map(endpoints);
        Experiments.CreateExperiment.Map(endpoints);
        Experiments.StartStopExperiment.Map(endpoints);
        Experiments.EditDraftExperiment.Map(endpoints);
        Experiments.ListExperiments.Map(endpoints);
        Experiments.GetAssignment.Map(endpoints);
        return endpoints;
    }
}
