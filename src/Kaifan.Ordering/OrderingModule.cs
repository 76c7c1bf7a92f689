using Kaifan.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Ordering;

public static class OrderingModule
{
    public static IServiceCollection AddOrderingModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddModuleDb<OrderingDb, SqliteOrderingDb, PostgresOrderingDb>(storage, OrderingDb.SchemaName);
        return services;
    }

    public static IEndpointRouteBuilder MapOrderingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
