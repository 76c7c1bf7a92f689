namespace Kaifan.Growth.GroupBuys;

/// <summary>
/// A deal as the consoles list it, with how its groups went (a disbanded group, left by everyone, is not a failed one).
/// Status is scheduled, running, ended or stopped.
/// </summary>
internal sealed record GroupDealView(
    Guid Id, Guid MerchantId, string MerchantName, Guid ItemId, string ItemName, long ListPriceFen, long GroupPriceFen, int GroupSize,
    int WindowMinutes, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, int GroupsOpen, int GroupsFormed, int GroupsFailed, int GroupsDisbanded)
{
    public static GroupDealView Of(GroupDeal d, IReadOnlyCollection<GroupStatus> groups, DateTimeOffset now) => new(
        d.Id, d.MerchantId, d.MerchantName, d.ItemId, d.ItemName, d.ListPriceFen, d.GroupPriceFen, d.GroupSize, d.WindowMinutes, d.StartsAt, d.EndsAt,
        d.StatusAt(now), groups.Count(s => s == GroupStatus.Open), groups.Count(s => s == GroupStatus.Formed), groups.Count(s => s == GroupStatus.Failed),
        groups.Count(s => s == GroupStatus.Disbanded));
}
