using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog;
using Kaifan.Dispatch;
using Kaifan.Growth;
using Kaifan.Host.DeadLetters;
using Kaifan.Identity;
using Kaifan.Insights;
using Kaifan.Ordering;
using Kaifan.Payments;
using Kaifan.Tracking;
using Kaifan.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;

namespace Kaifan.Host;

/// <summary>Composes the modules into one web host; every module plugs in here and nowhere else.</summary>
internal static class KaifanHost
{
    public static WebApplicationBuilder AddKaifan(this WebApplicationBuilder builder)
    {
        var storage = Storage.FromConfiguration(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(storage);

        // Huge bodies never reach a handler: one order or menu edit fits easily in 256 KB.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 256 * 1024);

        // Bad JSON surfaces as an exception so BadRequestExceptionHandler can name the field in problem+json.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<BusyDatabaseExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        builder.Services.AddKaifanHealthChecks();
        builder.AddKaifanMessaging(storage);
        builder.AddKaifanOrleans();

        // After Orleans' keyed clocks: the generated handler code (ADR 0019) injects the last TimeProvider registered,
        // which must be the host's business clock, not one keyed for Orleans' machinery.
        builder.AddKaifanClock();

        builder.Services.AddIdentityModule(builder.Configuration, storage);
        builder.Services.AddCatalogModule(storage);
        builder.Services.AddOrderingModule(builder.Configuration, storage);
        builder.Services.AddPaymentsModule(builder.Configuration, storage);
        builder.Services.AddDispatchModule(builder.Configuration, storage);
        builder.Services.AddTrackingModule(builder.Configuration);
        builder.Services.AddInsightsModule(builder.Configuration, storage);
        builder.Services.AddGrowthModule(storage);
        builder.AddKaifanWeb();
        return builder;
    }

    public static WebApplication UseKaifan(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(UnparsedParameter.NameItAsync);
        app.UseAuthentication();

        // Before authorization, so a staff member refused a change (403) is recorded too.
        app.UseIdentityAudit();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Kaifan 开饭 API"));
        app.MapKaifanHealthChecks();
        app.MapKaifanClock();
        app.MapKaifanDeadLetters();
        app.MapGet("/", () => Results.Redirect("/m")).ExcludeFromDescription();

        app.MapIdentityEndpoints();
        app.MapCatalogEndpoints();
        app.MapOrderingEndpoints();
        app.MapPaymentsEndpoints();
        app.MapDispatchEndpoints();
        app.MapTrackingEndpoints();
        app.MapInsightsEndpoints();
        app.MapGrowthEndpoints();
        app.MapKaifanWeb();
        return app;
    }

    /// <summary>Migrates every module's tables, then seeds the demo campus when configured to.</summary>
    public static async Task PrepareDatabasesAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<StorageSettings>();
        await Storage.PrepareAsync(storage, app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
    }
}
