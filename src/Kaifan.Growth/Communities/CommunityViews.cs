using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Communities;

/// <summary>Status is scheduled, running or ended.</summary>
internal sealed record CommunityPriceView(
    Guid Id, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long MemberPriceFen, int LimitPerOrder,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status)
{
    public static CommunityPriceView Of(CommunityPrice p, DateTimeOffset now) => new(
        p.Id, p.MerchantId, p.MerchantName, p.ItemId, p.ItemName, p.ListPriceFen, p.MemberPriceFen, p.LimitPerOrder, p.StartsAt, p.EndsAt,
        CommunityStatus.Of(p.StartsAt, p.EndsAt, now));
}

/// <summary>Status is scheduled, running, exhausted or ended; ClaimedByMe only means something to a signed-in customer.</summary>
internal sealed record CouponPackView(
    Guid Id, long AmountFen, long MinSpendFen, int Budget, int Claimed, int CouponDays, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status,
    bool ClaimedByMe = false)
{
    public static CouponPackView Of(CommunityCouponPack p, DateTimeOffset now, bool claimedByMe = false) => new(
        p.Id, p.AmountFen, p.MinSpendFen, p.Budget, p.Claimed, p.CouponDays, p.StartsAt, p.EndsAt,
        p.Claimed >= p.Budget && p.IsRunningAt(now) ? "exhausted" : CommunityStatus.Of(p.StartsAt, p.EndsAt, now), claimedByMe);
}

/// <summary>A community as its runner (the station or the shop) manages it; Status is open or closed.</summary>
internal sealed record CommunityView(
    Guid Id, string Name, string Description, string Code, Guid? MerchantId, string? MerchantName, Guid? ZoneId, int MemberCount, string Status,
    DateTimeOffset CreatedAt, IReadOnlyList<CommunityPriceView> Prices, IReadOnlyList<CouponPackView> CouponPacks)
{
    public static async Task<List<CommunityView>> OfAsync(GrowthDb db, IReadOnlyList<Community> communities, DateTimeOffset now, CancellationToken ct)
    {
        var ids = communities.Select(c => c.Id).ToList();
        var prices = (await db.CommunityPrices.AsNoTracking().Where(p => ids.Contains(p.CommunityId)).ToListAsync(ct)).ToLookup(p => p.CommunityId);
        var packs = (await db.CommunityCouponPacks.AsNoTracking().Where(p => ids.Contains(p.CommunityId)).ToListAsync(ct)).ToLookup(p => p.CommunityId);
        return communities.Select(c => new CommunityView(
            c.Id, c.Name, c.Description, c.Code, c.MerchantId, c.MerchantName, c.ZoneId, c.MemberCount, c.IsOpen ? "open" : "closed", c.CreatedAt,
            prices[c.Id].OrderBy(p => p.CreatedAt).Select(p => CommunityPriceView.Of(p, now)).ToList(),
            packs[c.Id].OrderBy(p => p.CreatedAt).Select(p => CouponPackView.Of(p, now)).ToList())).ToList();
    }
}

internal static class CommunityStatus
{
    public static string Of(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now) =>
        now < startsAt ? "scheduled" : now >= endsAt ? "ended" : "running";
}

/// <summary>
/// Who manages which community: the operator the station's own (no merchant), a merchant only its shop's. A community
/// outside the caller's reach is 404, as if it did not exist.
/// </summary>
internal static class CommunityOwnership
{
    public const string OpsRoute = "/api/ops/growth/communities";
    public const string MerchantRoute = "/api/merchant/communities";

    public static Task<Community?> FindManagedAsync(GrowthDb db, Guid id, Guid? merchantId, CancellationToken ct) =>
        merchantId is { } shop
            ? db.Communities.SingleOrDefaultAsync(c => c.Id == id && c.MerchantId == shop, ct)
            : db.Communities.SingleOrDefaultAsync(c => c.Id == id && c.MerchantId == null, ct);
}
