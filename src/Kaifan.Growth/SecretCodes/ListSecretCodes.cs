using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.SecretCodes;

/// <summary>Status is scheduled, running, exhausted or ended.</summary>
internal sealed record SecretCodeView(
    Guid Id, string Code, long AmountFen, long MinSpendFen, int Budget, int Claimed, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int CouponDays, string Status)
{
    public static SecretCodeView Of(SecretCode c, DateTimeOffset now) => new(
        c.Id, c.Code, c.AmountFen, c.MinSpendFen, c.Budget, c.Claimed, c.StartsAt, c.EndsAt, c.CouponDays,
        now < c.StartsAt ? "scheduled" : now >= c.EndsAt ? "ended" : c.Claimed >= c.Budget ? "exhausted" : "running");
}

/// <summary>GET /api/ops/growth/secret-codes: every 口令红包 with how much of its budget is claimed, newest first.</summary>
internal static class ListSecretCodes
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/growth/secret-codes", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Growth")
            .Produces<List<SecretCodeView>>();

    private static async Task<IResult> HandleAsync(GrowthDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var codes = await db.SecretCodes.AsNoTracking().ToListAsync(ct);
        return Results.Ok(codes.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => SecretCodeView.Of(c, now)).ToList());
    }
}
