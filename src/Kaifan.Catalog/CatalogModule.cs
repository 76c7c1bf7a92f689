using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog.Browse;
using Kaifan.Catalog.Demo;
using Kaifan.Catalog.Lockers;
using Kaifan.Catalog.Manage;
using Kaifan.Catalog.Onboarding;
using Kaifan.Catalog.Stock;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Catalog;

public static class CatalogModule
{
    public static IServiceCollection AddCatalogModule(this IServiceCollection services, StorageSettings storage)
    {
        services.AddModuleDb<CatalogDb, SqliteCatalogDb, PostgresCatalogDb>(storage, CatalogDb.SchemaName);
        services.AddValidatorsFromAssemblyContaining<CatalogDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<ICatalogQueries, CatalogQueries>();
        services.AddScoped<IStockReservations, StockReservations>();
        services.AddSingleton<IDemoSeeder, CatalogDemoSeeder>();
        services.AddSingleton<IDemoSeeder, DemoLockers>();
        services.AddScoped<ILockerDirectory, LockerDirectory>();
        services.AddScoped<IShopDirectory, ShopDirectory>();

        // Our implementations are internal, so Wolverine's generated handler code cannot construct them;
        // it asks the scoped container instead, for this one service only.
        services.ConfigureWolverine(o => o.CodeGeneration.AlwaysUseServiceLocationFor<IStockReservations>());
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ListZones.Map(endpoints);
        ListLockers.Map(endpoints);
        AddLocker.Map(endpoints);
        EditLocker.Map(endpoints);
        RemoveLocker.Map(endpoints);
        ListMerchants.Map(endpoints);
        GetMenu.Map(endpoints);
        ListOpsMerchants.Map(endpoints);
        OnboardZone.Map(endpoints);
        OnboardMerchant.Map(endpoints);

        var console = endpoints.MapMerchantConsole();
        GetManageMenu.Map(console);
        CreateCategory.Map(console);
        CreateItem.Map(console);
        EditItem.Map(console);
        SetStock.Map(console);
        SetListing.Map(console);
        SetOpeningHours.Map(console);
        SetStatus.Map(console);
        SetPromotions.Map(console);
        return endpoints;
    }
}
