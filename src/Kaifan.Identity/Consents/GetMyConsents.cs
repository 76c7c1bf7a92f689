using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Consents;

/// <summary>
/// One purpose now: Since and PolicyVersion are null for a purpose the person never decided (which counts as refused).
/// RenewalNeeded: they agreed under a policy text that has since changed this purpose, so Granted is false until they
/// agree again.
/// </summary>
internal sealed record ConsentStateView(string Purpose, bool Granted, DateTimeOffset? Since, string? PolicyVersion, bool RenewalNeeded);

internal sealed record ConsentEventView(string Purpose, bool Granted, DateTimeOffset At, string PolicyVersion);

/// <summary>Every purpose in ConsentPurposes order, the history newest first, and the policy version a grant now would record.</summary>
internal sealed record MyConsentsView(IReadOnlyList<ConsentStateView> Purposes, IReadOnlyList<ConsentEventView> History, string PolicyVersion)
{
    public static MyConsentsView From(IReadOnlyList<Consent> rows)
    {
        var newest = rows.OrderByDescending(c => c.Id).ToList();
        var purposes = ConsentPurposes.All
            .Select(p => newest.FirstOrDefault(c => c.Purpose == p) is { } c
                ? new ConsentStateView(p, ConsentPolicy.Holds(c), c.At, c.PolicyVersion, ConsentPolicy.NeedsRenewal(c))
                : new ConsentStateView(p, false, null, null, false))
            .ToList();
        return new MyConsentsView(purposes, newest.Select(c => new ConsentEventView(c.Purpose, c.Granted, c.At, c.PolicyVersion)).ToList(), ConsentPolicy.Version);
    }
}

/// <summary>GET /api/me/consents: what the signed-in person (any role) has consented to, and every change they made.</summary>
internal static class GetMyConsents
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me/consents", HandleAsync).RequireAuthorization().WithTags("Identity").Produces<MyConsentsView>();

    private static async Task<IResult> HandleAsync(ClaimsPrincipal principal, IdentityDb db, CancellationToken ct)
    {
        var userId = principal.UserId();
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.ErasedAt == null, ct))
        {
            return Problems.NotFound("用户 (user)");
        }

        return Results.Ok(MyConsentsView.From(await db.Consents.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct)));
    }
}
