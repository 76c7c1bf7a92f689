using System.Collections.Concurrent;
using Kaifan.Identity.SignIn;

namespace Kaifan.Tests.Infrastructure;

/// <summary>Stands in for the SMS provider: keeps the last code sent to each phone so a test can type it.</summary>
internal sealed class RecordingSmsSender : ISmsSender
{
    private readonly ConcurrentDictionary<string, string> lastCode = new();

    public Task SendCodeAsync(string phone, string code, CancellationToken ct)
    {
        lastCode[phone] = code;
        return Task.CompletedTask;
    }

    public string LastCodeFor(string phone) => lastCode[phone];
}
