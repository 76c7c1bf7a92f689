using Kaifan.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Catalog;

public static class CatalogModule
{
    public static IServiceCollection AddCatalogModule(this IServiceCollection services, StorageSettings storage)
    {
        services.AddModuleDb<CatalogDb, SqliteCatalogDb, PostgresCatalogDb>(storage, CatalogDb.SchemaName);
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
