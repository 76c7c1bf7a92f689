using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>The 社群价 Ordering may apply: running offers of the shop in open communities the customer belongs to, lowest per dish.</summary>
internal sealed class MemberPrices(GrowthDb db, TimeProvider clock) : ICommunityPrices
{
    public async Task<IReadOnlyList<CommunityPriceQuote>> ForMemberAsync(Guid customerId, Guid merchantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var offers = await (
                from price in db.CommunityPrices.AsNoTracking()
                join community in db.Communities.AsNoTracking() on price.CommunityId equals community.Id
                join member in db.CommunityMembers.AsNoTracking() on community.Id equals member.CommunityId
                where price.MerchantId == merchantId && member.CustomerId == customerId && community.ClosedAt == null
                select new { price, community.Name })
            .ToListAsync(ct);
        return offers.Where(o => o.price.IsRunningAt(now))
            .GroupBy(o => o.price.ItemId)
            .Select(g => g.OrderBy(o => o.price.MemberPriceFen).ThenBy(o => o.price.Id).First())
            .Select(o => new CommunityPriceQuote(o.price.Id, o.price.CommunityId, o.Name, o.price.ItemId, o.price.MemberPriceFen, o.price.LimitPerOrder))
            .ToList();
    }
}
