using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Web.Api;

/// <summary>
/// 我的 → 下载我的数据: the apps' tokens sit in HttpOnly cookies no script can read, so this same-origin link asks the
/// API for the person's data copy and streams the file on, as a download. One path per app, under the app's own cookie
/// path: the customer's H5 and the rider app (我的装备 → 下载我的数据).
/// </summary>
internal static class MyDataDownload
{
    public const string Path = "/m/me/data-export";

    public const string RiderPath = "/rider/data-export";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, KaifanApi api, CancellationToken ct) =>
            DownloadAsync(http, api, "/m/login?returnUrl=" + Uri.EscapeDataString("/m/me"), ct)).ExcludeFromDescription();
        app.MapGet(RiderPath, (HttpContext http, KaifanApi api, CancellationToken ct) =>
            DownloadAsync(http, api, "/rider/login", ct)).ExcludeFromDescription();
    }

    private static async Task DownloadAsync(HttpContext http, KaifanApi api, string signIn, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(api.Token))
        {
            http.Response.Redirect(signIn);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me/data-export");
        request.Headers.Authorization = new("Bearer", api.Token);
        using var upstream = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (upstream.StatusCode == HttpStatusCode.Unauthorized)
        {
            http.Response.Redirect(signIn);
            return;
        }

        if (!upstream.IsSuccessStatusCode)
        {
            http.Response.StatusCode = (int)upstream.StatusCode;
            return;
        }

        http.Response.ContentType = upstream.Content.Headers.ContentType?.ToString() ?? "application/json";
        http.Response.Headers.ContentDisposition = upstream.Content.Headers.ContentDisposition?.ToString() ?? "attachment";
        http.Response.Headers.CacheControl = "no-store";
        await upstream.Content.CopyToAsync(http.Response.Body, ct);
    }
}
