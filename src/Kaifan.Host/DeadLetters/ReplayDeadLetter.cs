using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Kaifan.Host.DeadLetters;

/// <summary>
/// POST /api/ops/dead-letters/{id}/replay (重新投递), operators only, once the cause is fixed: marks the message
/// replayable, and Wolverine's durability agent puts it back on its handler's queue within seconds, where it leaves the
/// list. Answers 202 with the letter as it stands (replaying); the audit log records the action (dead-letter.replayed).
/// </summary>
internal static class ReplayDeadLetter
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/ops/dead-letters/{id:guid}/replay", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Host")
            .Produces<DeadLetterView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, IWolverineRuntime wolverine, CancellationToken ct)
    {
        var deadLetters = wolverine.Storage.DeadLetters;
        if (await deadLetters.DeadLetterEnvelopeByIdAsync(id, null) is not { } letter)
        {
            return Problems.NotFound("失败消息");
        }

        await deadLetters.MarkDeadLetterEnvelopesAsReplayableAsync([id]);
        return Results.Accepted(value: DeadLetterView.Of(letter, DeadLetterHandlers.Of(wolverine, letter)) with { Replaying = true });
    }
}
