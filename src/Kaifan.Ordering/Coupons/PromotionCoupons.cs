using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Coupons;

internal sealed class PromotionCoupons(OrderingDb db) : IPromotionCoupons
{
    public async Task<IReadOnlySet<Guid>> WithdrawnAmongAsync(IReadOnlyCollection<Guid> couponIds, CancellationToken ct)
    {
        if (couponIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = couponIds.ToList();
        var withdrawn = await db.Coupons.AsNoTracking().Where(c => ids.Contains(c.Id) && c.WithdrawnAt != null && !c.Used).Select(c => c.Id).ToListAsync(ct);
        return withdrawn.ToHashSet();
    }
}
