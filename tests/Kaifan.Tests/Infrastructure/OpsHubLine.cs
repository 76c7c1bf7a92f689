using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// A line to /hubs/ops as the tests open it: WebSockets without negotiation, so the token travels only in the
/// access_token query string, as a browser's does. Not started: register the handlers first.
/// </summary>
internal static class OpsHubLine
{
    public static HubConnection To(Uri baseAddress, string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(baseAddress, "/hubs/ops"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult(token);
        })
        .Build();
}
