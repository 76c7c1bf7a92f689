using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.PhotoCashback;

/// <summary>
/// The shop (POST /api/merchant/photo-cashback/claims/{id}/approve|reject) or the operator (the same under
/// /api/ops/growth) decides a queued photo review. Approval pays once: the claim leaves Pending and the campaign counts
/// one more reward only below its budget, both as conditional updates in one commit with PhotoCashbackApproved, so two
/// approvals racing for the last reward, or for the same claim, pay once (409 naming budget or status). Rejection needs
/// a reason the customer reads (400 naming reason). Another shop's claim is 404.
/// </summary>
internal static class DecidePhotoCashback
{
    internal sealed record RejectRequest(string? Reason);

    internal sealed class Validator : AbstractValidator<RejectRequest>
    {
        public Validator() => RuleFor(r => r.Reason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写未通过的原因 (the reason is required)")
            .MaximumLength(PhotoCashbackClaim.MaxReasonLength).WithMessage($"原因最多{PhotoCashbackClaim.MaxReasonLength}字 (at most {PhotoCashbackClaim.MaxReasonLength} characters)");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var (prefix, role) in new[] { ("/api/merchant/photo-cashback/claims", Roles.Merchant), ("/api/ops/growth/photo-cashback/claims", Roles.Operator) })
        {
            api.MapPost($"{prefix}/{{id:guid}}/approve", ApproveAsync)
                .RequireAuthorization(role).WithTags("Growth")
                .Produces<PhotoCashbackClaimView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
            api.MapPost($"{prefix}/{{id:guid}}/reject", RejectAsync)
                .RequireAuthorization(role).Validate<RejectRequest>().WithTags("Growth")
                .Produces<PhotoCashbackClaimView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> ApproveAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        if (await FindAsync(db, user, id, ct) is not { } claim)
        {
            return Problems.NotFound("晒图返现申请 (claim)");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decided = await db.PhotoCashbackClaims.Where(c => c.Id == id && c.Status == ClaimStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClaimStatus.Approved).SetProperty(c => c.DecidedAt, now), ct);
        if (decided == 0)
        {
            await transaction.RollbackAsync(ct);
            return Decided();
        }

        var counted = await db.PhotoCashbackCampaigns.Where(c => c.Id == claim.CampaignId && c.Paid < c.Budget)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Paid, c => c.Paid + 1), ct);
        if (counted == 0)
        {
            await transaction.RollbackAsync(ct);
            return Problems.Conflict("返现名额已用完 (the campaign's budget is spent)", "budget");
        }

        await outbox.PublishAsync(new PhotoCashbackApproved(claim.Id, claim.ReviewId, claim.OrderId, claim.CustomerId, claim.MerchantId, claim.AmountFen, now));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Ok(PhotoCashbackClaimView.Of(await db.PhotoCashbackClaims.AsNoTracking().SingleAsync(c => c.Id == id, ct)));
    }

    private static async Task<IResult> RejectAsync(
        Guid id, RejectRequest body, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        if (await FindAsync(db, user, id, ct) is not { } claim)
        {
            return Problems.NotFound("晒图返现申请 (claim)");
        }

        var now = clock.GetUtcNow();
        var reason = body.Reason!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decided = await db.PhotoCashbackClaims.Where(c => c.Id == id && c.Status == ClaimStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClaimStatus.Rejected).SetProperty(c => c.RejectReason, reason).SetProperty(c => c.DecidedAt, now), ct);
        if (decided == 0)
        {
            await transaction.RollbackAsync(ct);
            return Decided();
        }

        await outbox.PublishAsync(new PhotoCashbackRejected(claim.Id, claim.ReviewId, claim.OrderId, reason, now));
        await outbox.SaveChangesAndFlushMessagesAsync(ct);
        return Results.Ok(PhotoCashbackClaimView.Of(await db.PhotoCashbackClaims.AsNoTracking().SingleAsync(c => c.Id == id, ct)));
    }

    /// <summary>The operator decides for any shop; a shop only for its own.</summary>
    private static Task<PhotoCashbackClaim?> FindAsync(GrowthDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        Guid? merchantId = user.IsInRole(Roles.Operator) ? null : user.MerchantId() ?? Guid.Empty;
        return db.PhotoCashbackClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && (merchantId == null || c.MerchantId == merchantId), ct);
    }

    private static IResult Decided() => Problems.Conflict("该晒图已审核过 (this claim is already decided)", "status");
}
