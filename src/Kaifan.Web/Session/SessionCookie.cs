using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Web.Session;

/// <summary>
/// The bearer token lives in an HttpOnly, SameSite=Lax cookie that scripts cannot read; the shopper app and the
/// merchant console keep separate ones, so a shop's staff can order lunch without signing the console out.
/// </summary>
public static class SessionCookie
{
    public const string Name = "kaifan_session";
    public const string CustomerPath = "/m";
    public const string MerchantPath = "/merchant";
    public const string RiderPath = "/rider";
    public const string OpsPath = "/ops";

    public static void Write(HttpContext http, string token, string path)
    {
        http.Response.Cookies.Append(Name, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = path,
            MaxAge = TimeSpan.FromDays(7),
            IsEssential = true,
        });
    }

    public static void Clear(HttpContext http, string path) =>
        http.Response.Cookies.Delete(Name, new CookieOptions { Path = path, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>Reads one claim without validating: the API validates every token it is sent; the Web only needs ids to build URLs.</summary>
    public static string? Claim(string? token, string claim)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return json.RootElement.TryGetProperty(claim, out var value) ? value.ToString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
