using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Web.Api;

/// <summary>
/// Where the Web finds the REST API: Kaifan:Web:ApiBaseUrl, else this host's own first listening address over
/// loopback (as the payment sandbox finds its callback target), so the Web uses the API exactly as any client does.
/// </summary>
public sealed partial class ApiAddress(IConfiguration configuration, IServer server)
{
    private Uri? resolved;

    public Uri BaseAddress => resolved ??= Resolve();

    private Uri Resolve()
    {
        var baseUrl = configuration["Kaifan:Web:ApiBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            baseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The host has no listening address yet.");
            baseUrl = WildcardHost().Replace(baseUrl, "://127.0.0.1$1");
        }

        return new Uri(baseUrl.TrimEnd('/') + "/");
    }

    [GeneratedRegex(@"://(?:0\.0\.0\.0|\[::\]|\+|\*|localhost)(:|/|$)")]
    private static partial Regex WildcardHost();
}
