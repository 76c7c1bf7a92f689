using System.Collections.Concurrent;
using Kaifan.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.Identity.SignIn;

/// <summary>
/// The development SMS gateway, like the payment sandbox: with Kaifan:Sms:Provider=Sandbox sign-in codes are kept in
/// memory and GET /sandbox/sms/{phone} hands out the last one, so scripts (the day simulator) sign people in through
/// the normal phone + code flow. No production configuration sets the provider; without it the route does not exist.
/// </summary>
internal sealed partial class SandboxSmsSender(ILogger<SandboxSmsSender> logger) : ISmsSender
{
    public const string ProviderName = "Sandbox";

    private readonly ConcurrentDictionary<string, string> lastCodes = new(StringComparer.Ordinal);

    public Task SendCodeAsync(string phone, string code, CancellationToken ct)
    {
        lastCodes[phone] = code;
        LogCode(Mask.Phone(phone));
        return Task.CompletedTask;
    }

    public string? LastCodeFor(string phone) => lastCodes.GetValueOrDefault(phone);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox SMS: a sign-in code for {MaskedPhone} waits at /sandbox/sms")]
    private partial void LogCode(string maskedPhone);
}

internal static class SandboxSms
{
    internal sealed record LastCodeView(string Phone, string Code);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SandboxSmsSender>() is null)
        {
            return;
        }

        endpoints.MapGet("/sandbox/sms/{phone}", (string phone, SandboxSmsSender sms) =>
            PhoneNumbers.IsValid(phone) && sms.LastCodeFor(PhoneNumbers.Normalize(phone)) is { } code
                ? Results.Ok(new LastCodeView(PhoneNumbers.Normalize(phone), code))
                : Kaifan.BuildingBlocks.Http.Problems.NotFound("验证码短信 (sign-in code)"))
            .AllowAnonymous().WithTags("Sandbox").Produces<LastCodeView>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
