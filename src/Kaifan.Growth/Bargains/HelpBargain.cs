using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Bargains;

/// <summary>
/// POST /api/growth/bargains/{id}/cuts: 帮砍一刀. A friend cuts once; the starter cannot (422 naming "helper"), a second
/// tap is 409 naming "helper", and a bargain that ended or reached its floor takes no cut (422 naming "bargainId").
/// The count, the cut, and every tier it crosses (each tier's coupon, as CouponGranted) commit together.
/// </summary>
internal static class HelpBargain
{
    internal sealed record Response(long CutFen, BargainView Bargain);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/bargains/{id:guid}/cuts", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Growth")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var helperId = user.UserId();
        var now = clock.GetUtcNow();
        var seen = await db.Bargains.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (seen is null)
        {
            return BargainFields.NotFound("砍价不存在 (no such bargain)", BargainFields.Bargain);
        }

        if (seen.CustomerId == helperId)
        {
            return Problems.Unprocessable("不能给自己砍价，分享给好友吧 (the starter cannot cut their own bargain)", BargainFields.Helper);
        }

        if (!seen.IsActive(now))
        {
            return Over();
        }

        if (await db.BargainCuts.AnyAsync(c => c.BargainId == id && c.HelperId == helperId, ct))
        {
            return AlreadyHelped();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Counting first takes the bargain's write lock: parallel helpers queue here and each reads the total left by the last.
        var counted = await db.Bargains
            .Where(b => b.Id == id && b.Status == BargainStatus.Running && b.Helpers < b.HelpersNeeded && b.EndsAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Helpers, b => b.Helpers + 1), ct);
        if (counted == 0)
        {
            await transaction.RollbackAsync(ct);
            return Over();
        }

        var bargain = await db.Bargains.SingleAsync(b => b.Id == id, ct);
        var campaign = await db.BargainCampaigns.AsNoTracking().SingleAsync(c => c.Id == bargain.CampaignId, ct);
        var before = bargain.CutFen;
        var amount = CutSequence.Amount(id, helperId, bargain.Helpers, bargain.HelpersNeeded, bargain.CutTotalFen - before);
        bargain.Cut(amount, now);
        db.BargainCuts.Add(new BargainCut { Id = Guid.CreateVersion7(now), BargainId = id, HelperId = helperId, Sequence = bargain.Helpers, AmountFen = amount, CutAt = now });
        foreach (var tier in campaign.AllRewards().Where(t => t.CrossedBy(before, bargain.CutFen, bargain.CutTotalFen)))
        {
            var couponId = Guid.CreateVersion7(now);
            db.BargainRewards.Add(new BargainReward
            {
                Id = couponId, BargainId = id, CustomerId = bargain.CustomerId, CutPercent = tier.CutPercent, AmountFen = tier.AmountFen,
                MinSpendFen = tier.MinSpendFen, GrantedAt = now,
            });
            await outbox.PublishAsync(new CouponGranted(
                couponId, bargain.CustomerId, tier.AmountFen, tier.MinSpendFen, Reason(campaign, tier), now, now.AddDays(campaign.CouponDays)));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same helper's parallel tap won; this one's count rolls back with it.
            await transaction.RollbackAsync(CancellationToken.None);
            return AlreadyHelped();
        }

        var view = await GetBargain.LoadAsync(db, id, helperId, now, ct);
        return Results.Json(new Response(amount, view!), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Shown on the coupon, which holds at most 100 characters.</summary>
    private static string Reason(BargainCampaign campaign, BargainTier tier)
    {
        var dish = campaign.DishName.Length > 40 ? campaign.DishName[..40] : campaign.DishName;
        return tier.CutPercent == 100 ? $"砍价成功「{dish}」" : $"砍价{tier.CutPercent}%奖励「{dish}」";
    }

    private static IResult Over() => Problems.Unprocessable("砍价已结束 (this bargain is over)", BargainFields.Bargain);

    private static IResult AlreadyHelped() => Problems.Conflict("你已经帮砍过了 (you already cut this bargain)", BargainFields.Helper);
}
