using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Kaifan.Host.DeadLetters;

/// <summary>
/// Which handler gave up on a dead letter. A message with several handlers has one queue per handler (Separated,
/// ADR 0002) and the letter names the queue it failed on; a message with one handler is handled on a queue named after
/// the message, so its only handler is the one.
/// </summary>
internal static class DeadLetterHandlers
{
    public static Type? Of(IWolverineRuntime wolverine, DeadLetterEnvelope letter) => Of(wolverine, letter.MessageType, letter.ReceivedAt);

    public static Type? Of(IWolverineRuntime wolverine, string messageType, string? queue)
    {
        if ((wolverine as WolverineRuntime)?.Handlers is not { } graph)
        {
            return null;
        }

        var chains = graph.Chains.SelectMany(c => c.ByEndpoint.Prepend(c)).Where(c => c.Handlers.Count > 0).ToList();
        var onQueue = chains.FirstOrDefault(c => c.Endpoints.Any(e => e.Uri.ToString() == queue));
        var ofMessage = chains.Where(c => c.MessageType.FullName == messageType || c.TypeName == messageType)
            .SelectMany(c => c.Handlers).Select(h => h.HandlerType).Distinct().ToList();
        return onQueue?.Handlers[0].HandlerType ?? (ofMessage is [var only] ? only : null);
    }

    /// <summary>The module is the second part of the handler's namespace (Kaifan.Tracking.Live → Tracking).</summary>
    public static string? ModuleOf(Type? handler) =>
        handler?.Namespace?.Split('.') is ["Kaifan", var module, ..] ? module : null;
}
