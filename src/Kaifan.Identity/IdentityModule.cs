using Kaifan.BuildingBlocks.Security;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.Addresses;
using Kaifan.Identity.Audit;
using Kaifan.Identity.Consents;
using Kaifan.Identity.SignIn;
using Kaifan.Identity.Users;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Identity;

/// <summary>Sign-in, roles, people's personal data (encrypted at rest), their addresses, and the audit log.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddKaifanAuthentication(TokenSettings.FromConfiguration(configuration));
        services.AddModuleDb<IdentityDb, SqliteIdentityDb, PostgresIdentityDb>(storage, IdentityDb.SchemaName);

        var keys = configuration.GetSection("Kaifan:PersonalData").Get<PersonalDataKeys>()
            ?? throw new InvalidOperationException("Kaifan:PersonalData keys are not configured.");
        services.AddSingleton<IPersonalDataProtector>(new AesGcmPersonalDataProtector(keys));
        if (string.Equals(configuration["Kaifan:Sms:Provider"], SandboxSmsSender.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<SandboxSmsSender>();
            services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<SandboxSmsSender>());
        }
        else
        {
            services.AddSingleton<ISmsSender, ConsoleSmsSender>();
        }

        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        services.AddScoped<IStaffPhones, StaffPhones>();
        services.AddScoped<IPersonalDataExport, AccountDataExport>();
        services.AddScoped<IPersonalDataExport, AddressesDataExport>();
        services.AddScoped<IPersonalDataErasure, AddressesErasure>();
        services.AddScoped<IPersonalDataExport, AuditDataExport>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton(AuditAnchorSettings.FromConfiguration(configuration, storage));
        services.AddSingleton<AuditAnchors>();
        services.AddHostedService<AuditAnchoring>();
        services.AddScoped<IConsents, StoredConsents>();
        services.AddScoped<IPersonalDataExport, ConsentsDataExport>();
        services.AddScoped<IPersonalDataErasure, ConsentsErasure>();
        services.AddSingleton<IDemoSeeder, DemoSeed>();
        services.AddValidatorsFromAssemblyContaining<IdentityDb>(includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RequestCode.Map(endpoints);
        SignInWithCode.Map(endpoints);
        Me.Map(endpoints);
        ExportMyData.Map(endpoints);
        EraseMyAccount.Map(endpoints);
        GetMyConsents.Map(endpoints);
        SetMyConsent.Map(endpoints);
        MyAddresses.Map(endpoints);
        ListUsers.Map(endpoints);
        OnboardStaff.Map(endpoints);
        OffboardStaff.Map(endpoints);
        SandboxSms.Map(endpoints);
        ListAuditLog.Map(endpoints);
        VerifyAuditLog.Map(endpoints);
        AnchorAuditLog.Map(endpoints);
        return endpoints;
    }

    /// <summary>Records operators' and merchants' changes through the API; goes after authentication (the actor is known) and before authorization (refusals are recorded).</summary>
    public static IApplicationBuilder UseIdentityAudit(this IApplicationBuilder app) => app.UseMiddleware<AuditStaffChanges>();
}
