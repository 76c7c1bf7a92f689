using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Consents;

/// <summary>Nullable: a missing value must be refused, not read as a withdrawal.</summary>
internal sealed record SetMyConsentRequest(bool? Granted);

internal sealed class SetMyConsentValidator : AbstractValidator<SetMyConsentRequest>
{
    public SetMyConsentValidator() =>
        RuleFor(r => r.Granted).NotNull().WithMessage("请选择同意或撤回 (granted is required: true or false)");
}

/// <summary>
/// PUT /api/me/consents/{purpose} with { "granted": true|false }: grants or withdraws, the same one call either way, so
/// withdrawing is as easy as granting (GDPR art. 7(3), PIPL art. 15). A decision is a new row, never an update; one
/// that changes nothing (same answer, same policy) adds none. A withdrawal is passed to every IConsentWithdrawals
/// (a rider withdrawing location goes offline). Answers the whole MyConsentsView, as GET does.
/// </summary>
internal static class SetMyConsent
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/me/consents/{purpose}", HandleAsync)
            .Validate<SetMyConsentRequest>()
            .RequireAuthorization()
            .WithTags("Identity")
            .Produces<MyConsentsView>();

    private static async Task<IResult> HandleAsync(
        string purpose, SetMyConsentRequest request, ClaimsPrincipal principal, IdentityDb db, TimeProvider clock,
        IEnumerable<IConsentWithdrawals> withdrawals, CancellationToken ct)
    {
        if (!ConsentPurposes.All.Contains(purpose))
        {
            return Problems.Validation("purpose", $"未知的同意事项 (purpose must be one of {string.Join(", ", ConsentPurposes.All)})");
        }

        var userId = principal.UserId();
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.ErasedAt == null, ct))
        {
            return Problems.NotFound("用户 (user)");
        }

        var current = await db.CurrentAsync(userId, ct);
        var granted = request.Granted!.Value;
        var unchanged = current.TryGetValue(purpose, out var now) && now.Granted == granted && now.PolicyVersion == ConsentPolicy.Version;
        if (!unchanged)
        {
            db.Consents.Add(new Consent { UserId = userId, Purpose = purpose, Granted = granted, At = clock.GetUtcNow(), PolicyVersion = ConsentPolicy.Version });
            await db.SaveChangesAsync(ct);
        }

        // Even when already withdrawn: whatever still uses the data stops now, not on its next look.
        if (!granted)
        {
            foreach (var module in withdrawals)
            {
                await module.WithdrawnAsync(userId, purpose, ct);
            }
        }

        return Results.Ok(MyConsentsView.From(await db.Consents.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct)));
    }
}
