using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Web.Session;

internal static class SignOutEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/m/logout", (HttpContext http) => SignOut(http, SessionCookie.CustomerPath, "/m/login")).ExcludeFromDescription();
        app.MapGet("/merchant/logout", (HttpContext http) => SignOut(http, SessionCookie.MerchantPath, "/merchant/login")).ExcludeFromDescription();
    }

    private static IResult SignOut(HttpContext http, string path, string next)
    {
        SessionCookie.Clear(http, path);
        return Results.Redirect(next);
    }
}
