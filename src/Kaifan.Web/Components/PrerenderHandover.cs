using System.Text.Json;

namespace Kaifan.Web.Components;

/// <summary>
/// What a console panel's prerender hands to its live circuit ([PersistentState]) travels back in the circuit's first
/// SignalR message, together with every other panel's on the page. A message over the hub's limit ends the circuit
/// without a word (dotnet/aspnetcore#44935) and the page stays as prerendered, so a read bigger than
/// <see cref="MaxBytes"/> is not handed over: the live panel reads it again, as before.
/// </summary>
public static class PrerenderHandover
{
    /// <summary>Per panel, as JSON; on the page it grows about 1.8 times (base64 twice, around the data protection).</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>
    /// The hub's limit on one message from the browser (SignalR's default is 32 KB): the ops 营销活动 page's ten panels
    /// at <see cref="MaxBytes"/> each fit with room.
    /// </summary>
    public const long MaxCircuitMessageBytes = 512 * 1024;

    /// <summary>Every [PersistentState] hand-over goes through here (a test checks), so no page can outgrow the hub's limit.</summary>
    public static T? IfSmall<T>(T? read) where T : class =>
        read is not null && JsonSerializer.SerializeToUtf8Bytes(read).Length <= MaxBytes ? read : null;
}

/// <summary>A console section's rows for one zone, as the prerender read them: the live circuit uses them for that zone only.</summary>
public sealed record ZoneRows<T>(Guid ZoneId, List<T> Rows);
