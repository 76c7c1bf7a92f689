using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Kaifan.Host.DeadLetters;

/// <summary>
/// GET /api/ops/dead-letters?limit=100: the messages that failed every retry (消息故障), the first <c>limit</c> of
/// <c>Total</c> in Wolverine's order (by when they ran), listed newest first; operators only. The console asks for a
/// longer list to show more (显示更多), so its rereads keep what it shows. Read through Wolverine's own dead-letter API,
/// whichever database holds the envelopes.
/// </summary>
internal static class ListDeadLetters
{
    public const int DefaultLimit = 100;

    internal sealed record Response(int Total, IReadOnlyList<DeadLetterView> Letters);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/dead-letters", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Host")
            .Produces<Response>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(int? limit, IWolverineRuntime wolverine, CancellationToken ct)
    {
        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var page = await wolverine.Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = limit ?? DefaultLimit }, ct);
        var letters = page.Envelopes.Select(l => DeadLetterView.Of(l, DeadLetterHandlers.Of(wolverine, l))).OrderByDescending(l => l.FailedAt).ToList();
        return Results.Ok(new Response(page.TotalCount, letters));
    }
}
