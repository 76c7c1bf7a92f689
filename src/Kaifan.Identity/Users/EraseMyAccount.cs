using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kaifan.Identity.Users;

internal sealed record EraseMyAccountRequest(string? Confirm);

internal sealed class EraseMyAccountValidator : AbstractValidator<EraseMyAccountRequest>
{
    public const string Word = "注销";

    public EraseMyAccountValidator() =>
        RuleFor(r => r.Confirm).Equal(Word).WithMessage("请输入“注销”确认 (type 注销 to confirm)");
}

/// <summary>
/// POST /api/me/erasure: the signed-in customer or rider erases their account (注销账号; GDPR art. 17, PIPL art. 47). Every
/// module's IPersonalDataErasure is asked first whether anything stands in the way (409 naming the reason as the field);
/// only when none does is anything erased.
/// The account itself goes last, with the record of the request, so a failure half-way leaves an account that can try again.
/// </summary>
internal static class EraseMyAccount
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/me/erasure", HandleAsync)
            .Validate<EraseMyAccountRequest>()
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Rider))
            .WithTags("Identity")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        EraseMyAccountRequest request, ClaimsPrincipal principal, IEnumerable<IPersonalDataErasure> erasures, IdentityDb db, ValidatedTokens tokens,
        IAuditLog audit, ILogger<EraseMyAccountRequest> logger, TimeProvider clock,
        CancellationToken ct)
    {
        var userId = principal.UserId();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, ct);
        if (user is null)
        {
            return Problems.NotFound("用户 (user)");
        }

        var modules = erasures.ToList();
        if (await modules.FirstBlockerAsync(userId, ct) is { } blocker)
        {
            return Problems.Conflict(blocker.Detail, blocker.Reason);
        }

        await modules.EraseAllAsync(userId, ct);

        var now = clock.GetUtcNow();
        user.Erase(now);
        db.PrivacyRequests.Add(new PrivacyRequest { Id = Guid.CreateVersion7(), UserId = userId, Kind = PrivacyRequest.Erasure, At = now });
        await db.SaveChangesAsync(ct);
        tokens.Forget(userId);

        // The account is gone already: a lost entry is logged, not answered as a failure the person cannot retry.
        try
        {
            await audit.RecordAsync(new AuditRecord(userId, user.Role, "privacy.erasure", "user", userId.ToString(), StatusCodes.Status204NoContent), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "Audit entry lost: privacy.erasure by {Role} {UserId}", user.Role, userId);
        }

        return Results.NoContent();
    }
}
