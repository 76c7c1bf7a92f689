using System.Text;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Live;

/// <summary>
/// What order-live.js talks to. The bearer token never reaches scripts (HttpOnly cookie), so these same-origin
/// endpoints call the API with it: a JSON view of the order page's live parts, and a pass-through of the
/// API's Server-Sent Events (404 while the API has no such stream, and the script then polls).
/// </summary>
internal static class LiveOrderEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/m/orders/{id:guid}/live.json", StateAsync).ExcludeFromDescription();
        app.MapGet("/m/orders/{id:guid}/live", EventsAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> StateAsync(Guid id, KaifanApi api, IStringLocalizer<Resources.Strings> l, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(api.Token))
        {
            return Results.Unauthorized();
        }

        try
        {
            var order = await api.MyOrderAsync(id, ct);
            if (!order.Ok)
            {
                return Results.StatusCode(order.Status);
            }

            var o = order.Value!;
            var eta = await api.EtaAsync(id, ct);
            var map = await api.OrderMapAsync(id, ct);
            return Results.Json(new
            {
                status = o.Status,
                title = OrderTitles.Title(o, l),
                canCancel = o.CanCancel,
                canUrge = o.Urge?.CanUrge == true,
                urgeOpens = o.Urge is { Count: 0, CanUrge: false, AvailableFrom: { } opens } ? string.Format(l["UrgeEta.OpensAt"], Shopping.Display.Clock(opens)) : null,
                exception = ExceptionState(o),
                timeline = OrderTitles.Steps(o.Timeline, l).Select(s => new { step = s.Step, label = s.Label, reached = s.Reached, time = Shopping.Display.Clock(s.At) }),
                eta = new { headline = EtaText.Headline(eta.Value, l), basis = EtaText.Basis(eta.Value, l) },
                rider = map.Value?.Rider is { } r ? new { latitude = r.Latitude, longitude = r.Longitude } : null,
                guarantee = GuaranteeText.Current(o, l),
            });
        }
        catch (SignInRequiredException)
        {
            return Results.Unauthorized();
        }
    }

    private static async Task EventsAsync(Guid id, HttpContext http, KaifanApi api, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(api.Token))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/orders/{id}/events");
        request.Headers.Authorization = new("Bearer", api.Token);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var upstream = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!upstream.IsSuccessStatusCode || upstream.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            http.Response.StatusCode = upstream.IsSuccessStatusCode ? StatusCodes.Status404NotFound : (int)upstream.StatusCode;
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync(": live\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        // The API's events go through as they are (names, ids, data): the page reacts to each by name.
        using var reader = new StreamReader(await upstream.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
        {
            await http.Response.WriteAsync(line + "\n", ct);
            if (line.Length == 0)
            {
                await http.Response.Body.FlushAsync(ct);
            }
        }
    }

    /// <summary>An open 配送异常 as the page shows it (kind, and whether the rider waits for an answer); "" when none.</summary>
    internal static string ExceptionState(OrderInfo order) =>
        order.DeliveryException is { Open: true } e ? e.Kind + (e.RiderWaiting ? ":waiting" : "") : "";
}
