using System.Globalization;
using System.Resources;
using Kaifan.Web.Api;
using Kaifan.Web.Components;
using Kaifan.Web.Live;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

[assembly: NeutralResourcesLanguage("zh-Hans", UltimateResourceFallbackLocation.Satellite)]

namespace Kaifan.Web;

/// <summary>
/// The Blazor apps: the shopper H5 under /m (static server rendering, no circuit per shopper) and the merchant
/// console under /merchant (Interactive Server). Both reach the modules only through the public REST API.
/// </summary>
public static class WebModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-Hans"), new("en")];

    public static WebApplicationBuilder AddKaifanWeb(this WebApplicationBuilder builder)
    {
        // A build that is not published (tests, `dotnet run` outside Development) serves the library's
        // wwwroot and blazor.web.js from their build locations; a published app ignores this.
        if (!builder.Environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);

            // A build's asset manifest otherwise turns on MapStaticAssets' hot-reload serving, meant for development:
            // every script and style sheet sent again on every page load (no-cache, hashed per request, gzip without
            // compression), where fingerprinted files can be cached for good. Setting it true brings reloading back.
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }

        var services = builder.Services;
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = PrerenderHandover.MaxCircuitMessageBytes);
        services.AddScoped<CircuitPresence>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitPresence>());
        services.AddRadzenComponents();
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddSingleton<ApiAddress>();
        services.AddMemoryCache();
        services.AddSingleton<SharedReads>();
        services.AddHttpClient<KaifanApi>((sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<ApiAddress>().BaseAddress;
            client.Timeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    public static WebApplication MapKaifanWeb(this WebApplication app)
    {
        app.UseWhen(IsWebPath, web => web
            .UseRequestLocalization(o =>
            {
                o.DefaultRequestCulture = new RequestCulture("zh-Hans");
                o.SupportedCultures = Cultures;
                o.SupportedUICultures = Cultures;
                o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
            })
            .Use(RememberCulture));
        app.UseWhen(IsReviewWithPhotos, review => review.Use(RoomForReviewPhotos));
        app.UseAntiforgery();
        app.MapStaticAssets();
        LiveOrderEndpoints.Map(app);
        Session.SignOutEndpoints.Map(app);
        MyDataDownload.Map(app);
        ConsentFromScript.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The order page's 评价 form posts its photos (3 × 5 MB) through the page; the host caps other bodies at 256 KB.</summary>
    private static bool IsReviewWithPhotos(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/m/orders") && http.Request.HasFormContentType;

    private static Task RoomForReviewPhotos(HttpContext http, Func<Task> next)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = Components.Customer.ReviewPhotoLimits.FormBytes;
        }

        return next();
    }

    private static bool IsWebPath(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/m") || http.Request.Path.StartsWithSegments("/merchant")
        || http.Request.Path.StartsWithSegments("/rider") || http.Request.Path.StartsWithSegments("/ops")
        || http.Request.Path.StartsWithSegments("/_blazor");

    /// <summary>?culture=en switches the language and keeps it for later pages.</summary>
    private static Task RememberCulture(HttpContext http, Func<Task> next)
    {
        if (http.Request.Query["culture"].FirstOrDefault() is { } culture && Cultures.Any(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return next();
    }
}
