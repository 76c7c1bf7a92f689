using Wolverine.Persistence.Durability;

namespace Kaifan.Host.DeadLetters;

/// <summary>
/// One message that failed every retry, as operators see it: when, what (the message type's own name), which module's
/// handler gave up, why, after how many attempts, and whether a replay is already under way. Never the message body,
/// which may carry a customer's phone or address.
/// </summary>
internal sealed record DeadLetterView(
    Guid Id, DateTimeOffset FailedAt, string MessageType, string MessageTypeFullName, string? Module, string? Handler,
    string? ExceptionType, string? ExceptionMessage, int Attempts, bool Replaying)
{
    public static DeadLetterView Of(DeadLetterEnvelope letter, Type? handler) => new(
        letter.Id,
        letter.FailedAt ?? letter.SentAt,
        ShortName(letter.MessageType),
        letter.MessageType,
        DeadLetterHandlers.ModuleOf(handler),
        handler?.Name,
        ShortName(letter.ExceptionType),
        letter.ExceptionMessage,
        letter.Envelope?.Attempts ?? 0,
        letter.Replayable);

    private static string ShortName(string? typeName) =>
        typeName is null ? "" : typeName.Split(',')[0].Split('.', '+')[^1];
}
