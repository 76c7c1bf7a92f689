using Kaifan.BuildingBlocks.Storage;
using Kaifan.Identity.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddKaifanAuthentication(TokenSettings.FromConfiguration(configuration));
        services.AddModuleDb<IdentityDb, SqliteIdentityDb, PostgresIdentityDb>(storage, IdentityDb.SchemaName);
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
