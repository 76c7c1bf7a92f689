using Kaifan.Contracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Web.Api;

/// <summary>
/// POST /m/me/consents/{purpose}/grant: an inline confirm on a server-rendered page (the address form's 使用当前位置
/// asks for location consent) grants from script. The token sits in an HttpOnly cookie no script can read, so this
/// same-origin endpoint passes the grant on to the API; the page's antiforgery token must come with it.
/// </summary>
internal static class ConsentFromScript
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/m/me/consents/{purpose}/grant", GrantAsync).ExcludeFromDescription();

    private static async Task<IResult> GrantAsync(string purpose, HttpContext http, KaifanApi api, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!ConsentPurposes.All.Contains(purpose) || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        if (string.IsNullOrEmpty(api.Token))
        {
            return Results.Unauthorized();
        }

        try
        {
            var granted = await api.SetConsentAsync(purpose, true, ct);
            return granted.Ok ? Results.NoContent() : Results.StatusCode(granted.Status);
        }
        catch (SignInRequiredException)
        {
            return Results.Unauthorized();
        }
    }
}
