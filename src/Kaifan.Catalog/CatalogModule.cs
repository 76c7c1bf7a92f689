using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog.Browse;
using Kaifan.Catalog.Demo;
using Kaifan.Catalog.Manage;
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
        AddValidators(services);
        services.AddScoped<ICatalogQueries, CatalogQueries>();
        services.AddScoped<IStockReservations, StockReservations>();
        services.AddSingleton<IDemoSeeder, CatalogDemoSeeder>();

        // Our implementations are internal, so Wolverine's generated handler code cannot construct them;
        // it asks the scoped container instead, for this one service only.
        // Outside Development minimal APIs answer unreadable JSON with a bare 400; throwing lets the host's
        // BadRequestExceptionHandler name the field. Host-wide in effect: belongs in the Host (reported to the lead).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.ConfigureWolverine(o => o.CodeGeneration.AlwaysUseServiceLocationFor<IStockReservations>());
        return services;
    }

    private static void AddValidators(IServiceCollection services)
    {
        var validators = typeof(CatalogModule).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            services.AddSingleton(service, implementation);
        }
    }

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ListZones.Map(endpoints);
        ListMerchants.Map(endpoints);
        GetMenu.Map(endpoints);

        var console = endpoints.MapMerchantConsole();
        GetManageMenu.Map(console);
        CreateCategory.Map(console);
        CreateItem.Map(console);
        EditItem.Map(console);
        SetStock.Map(console);
        SetListing.Map(console);
        SetOpeningHours.Map(console);
        SetStatus.Map(console);
        return endpoints;
    }
}
