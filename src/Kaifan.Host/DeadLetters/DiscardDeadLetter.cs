using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Kaifan.Host.DeadLetters;

/// <summary>
/// DELETE /api/ops/dead-letters/{id} (删除), operators only: the message is given up for good (its effect was made
/// by hand, or it no longer matters). Answers 204; the audit log records the action (dead-letter.deleted).
/// </summary>
internal static class DiscardDeadLetter
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/api/ops/dead-letters/{id:guid}", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Host")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, IWolverineRuntime wolverine, CancellationToken ct)
    {
        var deadLetters = wolverine.Storage.DeadLetters;
        if (await deadLetters.DeadLetterEnvelopeByIdAsync(id, null) is null)
        {
            return Problems.NotFound("失败消息");
        }

        await deadLetters.DiscardAsync(new DeadLetterEnvelopeQuery([id]), ct);
        return Results.NoContent();
    }
}
