using FluentValidation;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.Wallet;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Kaifan.Payments;

public static class PaymentsModule
{
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddModuleDb<PaymentsDb, SqlitePaymentsDb, PostgresPaymentsDb>(storage, PaymentsDb.SchemaName);
        // PaymentsDb's options come from a factory lambda, which Wolverine's generated handlers cannot inline.
        services.ConfigureWolverine(opts => opts.CodeGeneration.AlwaysUseServiceLocationFor<PaymentsDb>());
        services.AddValidatorsFromAssemblyContaining<PaymentsDb>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<IPersonalDataExport, PaymentsDataExport>();
        services.AddScoped<IPersonalDataExport, WalletDataExport>();
        services.AddScoped<IPersonalDataErasure, PaymentsErasure>();

        // The sandbox stands for the external gateway; the merchant side only ever sees its public half.
        services.AddSingleton(sp => SandboxKeys.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => WechatPayPlatform.Of(sp.GetRequiredService<SandboxKeys>()));
        services.AddSingleton<SandboxGateway>();
        services.AddSingleton<SandboxNotifyTarget>();
        services.AddSingleton<NotificationVerifier>();
        services.AddHttpClient(DeliverSandboxNotificationHandler.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton(ReconciliationSettings.FromConfiguration(configuration));
        services.AddSingleton<TransferReconciler>();
        services.AddHostedService<TransferReconciliation>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        CreatePayment.Map(endpoints);
        GetPayment.Map(endpoints);
        ListRefunds.Map(endpoints);
        ApplyAbnormalRefund.Map(endpoints);
        ResubmitClosedRefund.Map(endpoints);
        ReceivePaymentNotification.Map(endpoints);
        ReceiveRefundNotification.Map(endpoints);
        ReceiveTransferNotification.Map(endpoints);
        ReceiveTopUpNotification.Map(endpoints);
        GetMyWallet.Map(endpoints);
        TopUpWallet.Map(endpoints);
        RefundBalance.Map(endpoints);
        ReceiveBalanceRefundNotification.Map(endpoints);
        ReconcileTransfer.Map(endpoints);
        SandboxPay.Map(endpoints);

        // Keys are made at start-up, not on the first payment, so a slow first callback never races key generation.
        endpoints.ServiceProvider.GetRequiredService<SandboxKeys>();
        return endpoints;
    }
}
