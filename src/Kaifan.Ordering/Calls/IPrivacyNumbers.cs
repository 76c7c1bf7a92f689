namespace Kaifan.Ordering.Calls;

/// <summary>A relay number and the extension dialled after it (AXE: 170 0000 1234 转 5678) that reach one callee.</summary>
public sealed record RelayNumber(string Number, string Extension);

/// <summary>
/// The carrier's 号码保护 (privacy number) service: it binds a relay number and extension to a real phone until a time,
/// and whoever dials them reaches that phone without seeing it. A real deployment plugs in its carrier here;
/// Kaifan:Calls:Provider=Sandbox keeps the bindings in memory (SandboxPrivacyNumbers).
/// </summary>
public interface IPrivacyNumbers
{
    /// <summary>A new binding to the callee until expiresAt; null when the carrier has no extension free or no service is configured.</summary>
    Task<RelayNumber?> AssignAsync(string calleePhone, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Ends a binding before its time (its callee is no longer the one to reach). Ending an ended one does nothing.</summary>
    Task ReleaseAsync(RelayNumber relay, CancellationToken ct);
}

/// <summary>No carrier configured: nobody can be reached, and the API says so rather than revealing a phone.</summary>
internal sealed class NoPrivacyNumbers : IPrivacyNumbers
{
    public Task<RelayNumber?> AssignAsync(string calleePhone, DateTimeOffset expiresAt, CancellationToken ct) => Task.FromResult<RelayNumber?>(null);

    public Task ReleaseAsync(RelayNumber relay, CancellationToken ct) => Task.CompletedTask;
}
