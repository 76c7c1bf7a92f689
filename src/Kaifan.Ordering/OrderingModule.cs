using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Calls;
using Kaifan.Ordering.Coupons;
using Kaifan.Ordering.Delivery;
using Kaifan.Ordering.Merchant;
using Kaifan.Ordering.Orders;
using Kaifan.Ordering.Payments;
using Kaifan.Ordering.Placement;
using Kaifan.Ordering.Pricing;
using Kaifan.Ordering.Reviews;
using Kaifan.Ordering.Refunds;
using Kaifan.Ordering.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Ordering;

public static class OrderingModule
{
    public static IServiceCollection AddOrderingModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddModuleDb<OrderingDb, SqliteOrderingDb, PostgresOrderingDb>(storage, OrderingDb.SchemaName);

        // The handlers take the abstract OrderingDb, whose registration picks the provider's context in a
        // factory; Wolverine's generated code cannot construct that inline, so it resolves it from the scope.
        services.ConfigureWolverine(opts => opts.CodeGeneration.AlwaysUseServiceLocationFor<OrderingDb>());
        services.AddSingleton(OrderingSettings.FromConfiguration(configuration));
        services.AddScoped<CartQuoting>();
        services.AddScoped<IdempotentRequests>();
        services.AddScoped<OrderPlacement>();
        services.AddScoped<Checkout>();
        services.AddSingleton<IDemoSeeder, DemoCoupons>();
        services.AddScoped<IOrderPaymentTerms, OrderPaymentTermsQuery>();
        services.AddScoped<OrderTrackingQueries>();
        services.AddScoped<IOrderTracking>(sp => sp.GetRequiredService<OrderTrackingQueries>());
        services.AddScoped<IOrderDispatchQueries>(sp => sp.GetRequiredService<OrderTrackingQueries>());
        services.AddScoped<IOrderVolumeHistory, OrderVolumeHistory>();
        services.AddScoped<ICustomerOrderHistory, CustomerOrderHistory>();
        services.AddScoped<IPromotionCoupons, PromotionCoupons>();
        services.AddScoped<IPersonalDataExport, OrdersDataExport>();
        services.AddScoped<IPersonalDataExport, CouponsDataExport>();
        services.AddScoped<IPersonalDataExport, RefundRequestsDataExport>();
        services.AddScoped<IPersonalDataErasure, OrdersErasure>();
        services.AddScoped<IPersonalDataExport, DeliveryExceptionsDataExport>();
        services.AddScoped<IPersonalDataExport, ReviewsDataExport>();
        services.AddScoped<IPersonalDataExport, ReviewPhotosDataExport>();
        services.AddScoped<IPersonalDataErasure, ReviewsErasure>();
        services.AddScoped<IPersonalDataExport, CallBindingsDataExport>();
        services.AddScoped<IPersonalDataErasure, CallBindingsErasure>();
        AddPrivacyNumbers(services, configuration);

        services.AddValidatorsFromAssemblyContaining<OrderingDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapOrderingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        QuoteCart.Map(endpoints);
        PlaceOrder.Map(endpoints);
        GetMyOrders.Map(endpoints);
        GetMyOrder.Map(endpoints);
        CancelOrder.Map(endpoints);
        Reorder.Map(endpoints);

        ListMerchantOrders.Map(endpoints);
        AcceptOrder.Map(endpoints);
        RejectOrder.Map(endpoints);
        MarkOrderReady.Map(endpoints);

        GetRiderOrder.Map(endpoints);
        ListRiderDeliveries.Map(endpoints);
        ArriveAtMerchant.Map(endpoints);
        ArriveAtCustomer.Map(endpoints);
        PickUpOrder.Map(endpoints);
        DeliverOrder.Map(endpoints);
        ListOpsOrders.Map(endpoints);
        ListMyCoupons.Map(endpoints);
        UrgeOrder.Map(endpoints);
        AcknowledgeUrge.Map(endpoints);
        SubmitReview.Map(endpoints);
        ListShopReviews.Map(endpoints);
        ListMerchantReviews.Map(endpoints);
        ReplyToReview.Map(endpoints);
        UploadReviewPhoto.Map(endpoints);
        GetReviewPhoto.Map(endpoints);
        ReportDeliveryException.Map(endpoints);
        ListDeliveryExceptions.Map(endpoints);
        ResolveDeliveryException.Map(endpoints);
        AnswerRider.Map(endpoints);
        RequestRefund.Map(endpoints);
        AnswerRefundRequest.Map(endpoints);
        RequestCall.Map(endpoints);
        SandboxCalls.Map(endpoints);
        return endpoints;
    }

    /// <summary>The 号码保护 carrier, chosen by Kaifan:Calls:Provider like the SMS gateway; none configured reaches nobody.</summary>
    private static void AddPrivacyNumbers(IServiceCollection services, IConfiguration configuration)
    {
        if (string.Equals(configuration["Kaifan:Calls:Provider"], SandboxPrivacyNumbers.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<SandboxPrivacyNumbers>();
            services.AddSingleton<IPrivacyNumbers>(sp => sp.GetRequiredService<SandboxPrivacyNumbers>());
        }
        else
        {
            services.AddSingleton<IPrivacyNumbers, NoPrivacyNumbers>();
        }
    }
}
