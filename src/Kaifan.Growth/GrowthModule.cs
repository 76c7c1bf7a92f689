using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Growth.GroupBuys;
using Kaifan.Growth.SecretCodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Growth;

/// <summary>
/// Growth module entry point: the promotions that bring customers and orders (口令红包, 拼团). A promotion's reward is
/// a coupon, granted through the CouponGranted event in the promotion's own commit; Ordering issues and spends it.
/// </summary>
public static class GrowthModule
{
    public static IServiceCollection AddGrowthModule(this IServiceCollection services, StorageSettings storage)
    {
        services.AddModuleDb<GrowthDb, SqliteGrowthDb, PostgresGrowthDb>(storage, GrowthDb.SchemaName);
        services.ConfigureWolverine(o => o.CodeGeneration.AlwaysUseServiceLocationFor<GrowthDb>());
        services.AddValidatorsFromAssemblyContaining<GrowthDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton<IDemoSeeder, DemoSecretCodes>();
        services.AddScoped<IGroupBuys, GroupSeats>();
        return services;
    }

    public static IEndpointRouteBuilder MapGrowthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        CreateSecretCode.Map(endpoints);
        ListSecretCodes.Map(endpoints);
        ClaimSecretCode.Map(endpoints);
        CreateGroupDeal.Map(endpoints);
        ListGroupDeals.Map(endpoints);
        StopGroupDeal.Map(endpoints);
        ShopGroupDeals.Map(endpoints);
        GetGroup.Map(endpoints);
        return endpoints;
    }
}
