using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Kaifan.Payments.WechatPay;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Kaifan.Payments.Sandbox;

/// <summary>The sandbox gateway owes the merchant this callback until the merchant acknowledges it with a 2xx.</summary>
public sealed record DeliverSandboxNotification(string NotifyPath, string Body);

public static class DeliverSandboxNotificationHandler
{
    public const string HttpClientName = "sandbox-notify";

    /// <summary>WeChat Pay retries an unacknowledged callback for about a day: 15s, 15s, 30s, 3m, 10m, 20m, 30m ... 6h.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnAnyException()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetry(
                TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3),
                TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30),
                TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(3),
                TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6));

    public static async Task Handle(
        DeliverSandboxNotification message,
        IHttpClientFactory httpClients,
        SandboxNotifyTarget target,
        SandboxKeys keys,
        TimeProvider clock,
        CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(message.Body);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = WechatPayCrypto.NewNonce(32);

        using var request = new HttpRequestMessage(HttpMethod.Post, target.Resolve(message.NotifyPath));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Wechatpay-Timestamp", timestamp);
        request.Headers.Add("Wechatpay-Nonce", nonce);
        request.Headers.Add("Wechatpay-Serial", keys.Serial);
        request.Headers.Add("Wechatpay-Signature", keys.Sign(timestamp, nonce, body));
        request.Headers.Add("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The merchant answered {(int)response.StatusCode} to a sandbox notification; it will be retried.", null, response.StatusCode);
        }
    }
}

/// <summary>
/// Where callbacks go: Kaifan:Payments:NotifyBaseUrl, else this host's own first listening address, so a
/// development host or a test host on a random port calls itself over real HTTP.
/// </summary>
public sealed partial class SandboxNotifyTarget(IConfiguration configuration, IServer server)
{
    internal Uri Resolve(string path)
    {
        var baseUrl = configuration["Kaifan:Payments:NotifyBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The host has no listening address yet; the notification will be retried.");
            baseUrl = WildcardHost().Replace(baseUrl, "://127.0.0.1$1");
        }

        return new Uri(baseUrl.TrimEnd('/') + path);
    }

    [GeneratedRegex(@"://(?:0\.0\.0\.0|\[::\]|\+|\*)(:|/|$)")]
    private static partial Regex WildcardHost();
}
