using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Web.Session;

internal static class SignOutEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/m/logout", (HttpContext http) => SignOut(http, SessionCookie.CustomerPath, "/m/login")).ExcludeFromDescription();
        app.MapGet("/m/erased", (HttpContext http) => SignOut(http, SessionCookie.CustomerPath, "/m/login?erased=1")).ExcludeFromDescription();
        app.MapGet("/merchant/logout", (HttpContext http) => SignOut(http, SessionCookie.MerchantPath, "/merchant/login")).ExcludeFromDescription();
        app.MapGet("/rider/logout", (HttpContext http) => SignOut(http, SessionCookie.RiderPath, "/rider/login")).ExcludeFromDescription();
        app.MapGet("/rider/erased", (HttpContext http) => SignOut(http, SessionCookie.RiderPath, "/rider/login?erased=1")).ExcludeFromDescription();
        app.MapGet("/ops/logout", (HttpContext http) => SignOut(http, SessionCookie.OpsPath, "/ops/login")).ExcludeFromDescription();
    }

    private static IResult SignOut(HttpContext http, string path, string next)
    {
        SessionCookie.Clear(http, path);
        return Results.Redirect(next);
    }
}
