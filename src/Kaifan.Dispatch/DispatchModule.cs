using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Dispatch.Batches;
using Kaifan.Dispatch.Offers;
using Kaifan.Dispatch.Zones;
using Kaifan.Dispatch.Riders;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Dispatch;

/// <summary>Riders, their live state (grains) and the zone dispatchers. The Host adds Orleans itself; the grains live here.</summary>
public static class DispatchModule
{
    public static IServiceCollection AddDispatchModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddModuleDb<DispatchDb, SqliteDispatchDb, PostgresDispatchDb>(storage, DispatchDb.SchemaName);
        services.AddSingleton(DispatchOptions.FromConfiguration(configuration));
        services.AddSingleton(Earnings.EarningSettings.FromConfiguration(configuration));
        services.AddSingleton(Wallet.WalletSettings.FromConfiguration(configuration));
        services.AddValidatorsFromAssemblyContaining<DispatchDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton<IDemoSeeder, DemoRiders>();
        services.AddSingleton<IDemoSeeder, DemoBatchLines>();
        services.AddSingleton<ZoneBatchLines>();
        services.AddScoped<IBatchLines, BatchLines>();
        services.AddSingleton<IBatchDepartures, BatchDepartures>();
        services.AddSingleton<IRiderLocations, RiderLocations>();
        services.AddSingleton<PositionBuffer>();
        services.AddScoped<IZoneRiderSupply, Zones.ZoneRiderSupply>();
        services.AddScoped<IPersonalDataExport, DispatchDataExport>();
        services.AddScoped<IPersonalDataErasure, DispatchErasure>();
        services.AddScoped<IPersonalDataExport, RiderDataExport>();
        services.AddScoped<IPersonalDataErasure, RiderErasure>();
        services.AddScoped<Kaifan.Contracts.Notices.IConsentWithdrawals, LocationConsentWithdrawn>();
        services.AddHostedService<PositionFlusher>();
        services.AddHostedService<PingFlusher>();
        services.AddHostedService<PositionRetention>();

        // Generated handler code cannot build these (one is another module's internal class, one Orleans's); it asks the container.
        services.ConfigureWolverine(o =>
        {
            o.CodeGeneration.AlwaysUseServiceLocationFor<DispatchDb>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<IOrderDispatchQueries>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<IGrainFactory>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<IBatchLines>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<IBatchDepartures>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDispatchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var rider = endpoints.MapRiderApp();
        GoOnline.Map(rider);
        GoOffline.Map(rider);
        GetRiderStatus.Map(rider);
        RiderProfileEndpoints.Map(rider);
        PostLocation.Map(rider);
        ListOffers.Map(rider);
        AnswerOffer.Map(rider);
        ListTasks.Map(rider);
        Earnings.GetMyEarnings.Map(rider);
        Wallet.GetMyWallet.Map(rider);
        Wallet.RequestWithdrawal.Map(rider);
        ListOpsRiders.Map(endpoints);
        Wallet.ListOpsWithdrawals.Map(endpoints);
        ZoneWeather.Map(endpoints);
        Ops.GetZoneDispatch.Map(endpoints);
        Ops.ReassignOrder.Map(endpoints);
        SetRiderProfileByOps.Map(endpoints);
        ListBatchLines.Map(endpoints);
        AddBatchLine.Map(endpoints);
        EditBatchLine.Map(endpoints);
        RemoveBatchLine.Map(endpoints);
        return endpoints;
    }
}
