using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Bargains;

/// <summary>
/// POST /api/growth/bargains: a customer starts 砍价 on a running campaign and gets the bargain to share
/// (/m/bargain/{id}). Refusals name "campaignId": no such campaign (404), one not running (422), or one where this
/// customer's earlier bargain is still under way or already reached the floor, whose reward is once per campaign (409). Its end is a durable scheduled message, committed with it.
/// </summary>
internal static class StartBargain
{
    internal sealed record Request(Guid CampaignId);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.CampaignId).NotEmpty().WithMessage("请选择砍价活动 (the campaign is required)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/growth/bargains", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Growth")
            .Produces<BargainView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(Request request, ClaimsPrincipal user, IDbContextOutbox<GrowthDb> outbox, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var now = clock.GetUtcNow();
        var campaign = await db.BargainCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, ct);
        if (campaign is null)
        {
            return BargainFields.NotFound("砍价活动不存在 (no such campaign)", BargainFields.Campaign);
        }

        if (!campaign.IsRunning(now))
        {
            return Problems.Unprocessable("砍价活动未开始或已结束 (the campaign is not running)", BargainFields.Campaign);
        }

        // Two bargains of one customer never run at once (ActiveCampaignId is unique), so a floor can only be reached
        // through a bargain this check already sees.
        if (await db.Bargains.AnyAsync(b => b.CampaignId == campaign.Id && b.CustomerId == customerId && b.Status == BargainStatus.FloorReached, ct))
        {
            return Problems.Conflict("你已砍到底价并领过奖励，每个活动限一次 (the floor's reward is once per campaign)", BargainFields.Campaign);
        }

        var earlier = await db.Bargains.SingleOrDefaultAsync(b => b.ActiveCampaignId == campaign.Id && b.CustomerId == customerId, ct);
        if (earlier is not null)
        {
            if (earlier.IsActive(now))
            {
                return AlreadyBargaining();
            }

            // Over, but its expiry message has not landed yet: close it here so the new one can take its place.
            earlier.End(now);
        }

        var bargain = new Bargain
        {
            Id = Guid.CreateVersion7(now), CampaignId = campaign.Id, CustomerId = customerId, ActiveCampaignId = campaign.Id,
            OriginalPriceFen = campaign.OriginalPriceFen, FloorPriceFen = campaign.FloorPriceFen, HelpersNeeded = campaign.HelpersNeeded,
            StartedAt = now, EndsAt = now.AddHours(campaign.HoursToBargain),
        };
        db.Bargains.Add(bargain);
        await outbox.ScheduleAsync(new BargainExpires(bargain.Id), bargain.EndsAt);
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same customer's parallel start won.
            return AlreadyBargaining();
        }

        return Results.Json(BargainView.Of(campaign, bargain, [], [], customerId, now), statusCode: StatusCodes.Status201Created);
    }

    private static IResult AlreadyBargaining() =>
        Problems.Conflict("你已在砍这道菜，分享给好友继续砍吧 (your bargain on this dish is still under way)", BargainFields.Campaign);
}
