using Kaifan.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Payments;

public static class PaymentsModule
{
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddModuleDb<PaymentsDb, SqlitePaymentsDb, PostgresPaymentsDb>(storage, PaymentsDb.SchemaName);
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
