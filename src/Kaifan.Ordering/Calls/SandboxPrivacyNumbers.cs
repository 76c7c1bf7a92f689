using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.Ordering.Calls;

/// <summary>
/// The development 号码保护 carrier, like the SMS sandbox: with Kaifan:Calls:Provider=Sandbox one relay number hands out
/// four-digit extensions, each reaching its callee until it expires, and GET /sandbox/calls/{number}/{extension} says
/// whom a call would reach now, which is how tests and the day simulator dial. Like a carrier it holds the real phone
/// (in memory only) and forgets a binding at its expiry. Without the provider the route does not exist.
/// </summary>
internal sealed partial class SandboxPrivacyNumbers(TimeProvider clock, ILogger<SandboxPrivacyNumbers> logger) : IPrivacyNumbers
{
    public const string ProviderName = "Sandbox";
    public const string Number = "17000001234";

    private readonly Lock gate = new();
    private readonly Dictionary<string, (string Phone, DateTimeOffset Until)> bound = new(StringComparer.Ordinal);

    public Task<RelayNumber?> AssignAsync(string calleePhone, DateTimeOffset expiresAt, CancellationToken ct)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            foreach (var expired in bound.Where(b => b.Value.Until <= now).Select(b => b.Key).ToList())
            {
                bound.Remove(expired);
            }

            if (bound.Count >= 9000)
            {
                return Task.FromResult<RelayNumber?>(null);
            }

            string extension;
            do
            {
                extension = Random.Shared.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            while (bound.ContainsKey(extension));

            bound[extension] = (calleePhone, expiresAt);
            LogBound(Mask.Phone(calleePhone), extension, expiresAt);
            return Task.FromResult<RelayNumber?>(new RelayNumber(Number, extension));
        }
    }

    public Task ReleaseAsync(RelayNumber relay, CancellationToken ct)
    {
        lock (gate)
        {
            bound.Remove(relay.Extension);
        }

        return Task.CompletedTask;
    }

    /// <summary>The phone a call to the number and extension reaches now, or null once the binding is gone.</summary>
    public (string Phone, DateTimeOffset Until)? Reach(string number, string extension)
    {
        lock (gate)
        {
            return number == Number && bound.TryGetValue(extension, out var b) && b.Until > clock.GetUtcNow() ? b : null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox relay: extension {Extension} reaches {MaskedPhone} until {ExpiresAt}")]
    private partial void LogBound(string maskedPhone, string extension, DateTimeOffset expiresAt);
}

internal static class SandboxCalls
{
    internal sealed record ReachView(string RelayNumber, string Extension, string Phone, DateTimeOffset ExpiresAt);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SandboxPrivacyNumbers>() is null)
        {
            return;
        }

        endpoints.MapGet("/sandbox/calls/{relayNumber}/{extension}", (string relayNumber, string extension, SandboxPrivacyNumbers relay) =>
            relay.Reach(relayNumber, extension) is { } reached
                ? Results.Ok(new ReachView(relayNumber, extension, reached.Phone, reached.Until))
                : Problems.NotFoundAt("extension", "号码已失效 (this relay number no longer reaches anyone)"))
            .AllowAnonymous().WithTags("Sandbox").Produces<ReachView>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
