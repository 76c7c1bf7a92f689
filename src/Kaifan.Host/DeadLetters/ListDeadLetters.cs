using Kaifan.Contracts;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Kaifan.Host.DeadLetters;

/// <summary>
/// GET /api/ops/dead-letters: the messages that failed every retry (消息故障), up to 100 of <c>Total</c> (Wolverine's
/// first page), newest first; operators only. Read through Wolverine's own dead-letter API, whichever database holds the envelopes.
/// </summary>
internal static class ListDeadLetters
{
    public const int PageSize = 100;

    internal sealed record Response(int Total, IReadOnlyList<DeadLetterView> Letters);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/dead-letters", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Host")
            .Produces<Response>();

    private static async Task<IResult> HandleAsync(IWolverineRuntime wolverine, CancellationToken ct)
    {
        var page = await wolverine.Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = PageSize }, ct);
        var letters = page.Envelopes.Select(l => DeadLetterView.Of(l, DeadLetterHandlers.Of(wolverine, l))).OrderByDescending(l => l.FailedAt).ToList();
        return Results.Ok(new Response(page.TotalCount, letters));
    }
}
