using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Wolverine;

namespace Kaifan.Growth.PhotoCashback;

/// <summary>
/// Ordering reported a photo review: when a 晒图返现 campaign of the shop covers it (order placed inside the window,
/// enough paid, enough text, a photo), it joins the shop's queue and the review shows 待审核. The order id is unique
/// among claims, so a redelivery queues nothing twice.
/// </summary>
public static class PhotoReviewPostedHandler
{
    public static async Task Handle(PhotoReviewPosted posted, GrowthDb db, IMessageBus bus, CancellationToken ct)
    {
        if (await db.PhotoCashbackClaims.AnyAsync(c => c.OrderId == posted.OrderId, ct))
        {
            return;
        }

        var campaigns = await db.PhotoCashbackCampaigns.AsNoTracking()
            .Where(c => c.MerchantId == posted.MerchantId && c.StartsAt <= posted.PlacedAt && c.EndsAt > posted.PlacedAt)
            .ToListAsync(ct);
        var campaign = campaigns.FirstOrDefault(c => c.Covers(posted.PaidFen, posted.PhotoCount, posted.TextLength, posted.PlacedAt));
        if (campaign is null)
        {
            return;
        }

        var claim = new PhotoCashbackClaim
        {
            Id = Guid.CreateVersion7(posted.PostedAt), CampaignId = campaign.Id, MerchantId = posted.MerchantId, ReviewId = posted.ReviewId,
            OrderId = posted.OrderId, CustomerId = posted.CustomerId, AmountFen = campaign.AmountFen, OrderPaidFen = posted.PaidFen,
            TextLength = posted.TextLength, PhotoIds = [.. posted.PhotoIds], Status = ClaimStatus.Pending, PostedAt = posted.PostedAt,
        };
        db.PhotoCashbackClaims.Add(claim);
        await bus.PublishAsync(new PhotoCashbackQueued(claim.Id, claim.ReviewId, claim.OrderId, claim.AmountFen, posted.PostedAt));
    }
}
