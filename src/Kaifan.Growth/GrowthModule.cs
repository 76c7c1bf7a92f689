using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Growth.Bargains;
using Kaifan.Growth.Communities;
using Kaifan.Growth.GroupBuys;
using Kaifan.Growth.LuckyWheel;
using Kaifan.Growth.PhotoCashback;
using Kaifan.Growth.Presales;
using Kaifan.Growth.Referrals;
using Kaifan.Growth.SecretCodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Kaifan.Growth;

/// <summary>
/// Growth module entry point: the promotions that bring customers and orders (口令红包, 邀请有礼, 幸运大转盘, 砍价, 拼团,
/// 社群专享, 晒图返现, 预售接龙). Most rewards are coupons, granted through the CouponGranted event in the promotion's own
/// commit (Ordering issues and spends them); 拼团 prices its dish for Ordering through IGroupBuys and tells it how the
/// group ended, and 预售接龙 does the same for a chain through IPresales; 社群价 prices members' dishes through
/// ICommunityPrices; 晒图返现 pays back through Ordering's refund path once a photo review is approved
/// (PhotoCashbackApproved).
/// </summary>
public static class GrowthModule
{
    public static IServiceCollection AddGrowthModule(this IServiceCollection services, StorageSettings storage)
    {
        services.AddModuleDb<GrowthDb, SqliteGrowthDb, PostgresGrowthDb>(storage, GrowthDb.SchemaName);
        services.ConfigureWolverine(o =>
        {
            o.CodeGeneration.AlwaysUseServiceLocationFor<GrowthDb>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<ICustomerOrderHistory>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<ReferralSettings>();
        });
        services.AddValidatorsFromAssemblyContaining<GrowthDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton<IDemoSeeder, DemoSecretCodes>();
        services.AddScoped<IPersonalDataExport, SecretCodesDataExport>();
        services.AddScoped<IPersonalDataErasure, SecretCodesErasure>();
        services.AddOptions<ReferralSettings>().BindConfiguration(ReferralSettings.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReferralSettings>>().Value);
        services.AddScoped<IPersonalDataExport, ReferralsDataExport>();
        services.AddScoped<IPersonalDataErasure, ReferralsErasure>();
        services.AddSingleton<IDemoSeeder, DemoLuckyWheel>();
        services.TryAddSingleton<IWheelRandom, CryptoWheelRandom>();
        services.AddScoped<IPersonalDataExport, WheelDataExport>();
        services.AddScoped<IPersonalDataErasure, WheelErasure>();
        services.AddScoped<IPersonalDataExport, BargainsDataExport>();
        services.AddScoped<IPersonalDataErasure, BargainsErasure>();
        services.AddScoped<IGroupBuys, GroupSeats>();
        services.AddScoped<IPersonalDataExport, GroupBuysDataExport>();
        services.AddScoped<IPersonalDataErasure, GroupBuysErasure>();
        services.AddScoped<ICommunityPrices, MemberPrices>();
        services.AddSingleton<IDemoSeeder, DemoCommunity>();
        services.AddScoped<IPersonalDataExport, CommunitiesDataExport>();
        services.AddScoped<IPersonalDataErasure, CommunitiesErasure>();
        services.AddSingleton<IDemoSeeder, DemoPhotoCashback>();
        services.AddScoped<IPersonalDataExport, PhotoCashbackDataExport>();
        services.AddScoped<IPersonalDataErasure, PhotoCashbackErasure>();
        services.AddScoped<IPresales, PresaleEntries>();
        services.AddScoped<IPersonalDataExport, PresalesDataExport>();
        services.AddScoped<IPersonalDataErasure, PresalesErasure>();
        services.AddSingleton<IDemoSeeder, DemoPresale>();
        services.AddHostedService<DemoPresaleCutoff>();
        return services;
    }

    public static IEndpointRouteBuilder MapGrowthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        CreateSecretCode.Map(endpoints);
        ListSecretCodes.Map(endpoints);
        ClaimSecretCode.Map(endpoints);
        StopSecretCode.Map(endpoints);
        GetMyReferrals.Map(endpoints);
        GetInvitation.Map(endpoints);
        AcceptInvitation.Map(endpoints);
        ReferralSummary.Map(endpoints);
        CreateWheel.Map(endpoints);
        ListWheels.Map(endpoints);
        UpdateWheel.Map(endpoints);
        EndWheel.Map(endpoints);
        GetMyWheel.Map(endpoints);
        SpinWheel.Map(endpoints);
        OpenWheelShare.Map(endpoints);
        CreateBargainCampaign.Map(endpoints);
        ListBargainCampaigns.Map(endpoints);
        RunningBargainCampaigns.Map(endpoints);
        StartBargain.Map(endpoints);
        GetBargain.Map(endpoints);
        HelpBargain.Map(endpoints);
        CreateGroupDeal.Map(endpoints);
        ListGroupDeals.Map(endpoints);
        StopGroupDeal.Map(endpoints);
        ShopGroupDeals.Map(endpoints);
        ShopBadges.Map(endpoints);
        GetGroup.Map(endpoints);
        LeaveGroup.Map(endpoints);
        CreateCommunity.Map(endpoints);
        ListCommunities.Map(endpoints);
        CloseCommunity.Map(endpoints);
        AddCommunityPrice.Map(endpoints);
        AddCommunityCouponPack.Map(endpoints);
        GetCommunity.Map(endpoints);
        JoinCommunity.Map(endpoints);
        LeaveCommunity.Map(endpoints);
        MyCommunities.Map(endpoints);
        ClaimCommunityCoupon.Map(endpoints);
        ShopCommunityPrices.Map(endpoints);
        CreatePhotoCashback.Map(endpoints);
        ListPhotoCashback.Map(endpoints);
        DecidePhotoCashback.Map(endpoints);
        CreatePresale.Map(endpoints);
        ListPresales.Map(endpoints);
        ShopPresales.Map(endpoints);
        OpenPresales.Map(endpoints);
        GetPresale.Map(endpoints);
        LeavePresale.Map(endpoints);
        StopPresale.Map(endpoints);
        return endpoints;
    }
}
