using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Web.Api;

/// <summary>
/// 我的 → 下载我的数据: the H5 is server-rendered and its token sits in an HttpOnly cookie no script can read, so
/// this same-origin link asks the API for the customer's data copy and streams the file on, as a download.
/// </summary>
internal static class MyDataDownload
{
    public const string Path = "/m/me/data-export";

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(Path, DownloadAsync).ExcludeFromDescription();

    private static async Task DownloadAsync(HttpContext http, KaifanApi api, CancellationToken ct)
    {
        var signIn = "/m/login?returnUrl=" + Uri.EscapeDataString("/m/me");
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
