using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Bargains;

internal sealed record BargainExport(
    Guid Id, Guid CampaignId, long OriginalPriceFen, long FloorPriceFen, long CutFen, int Helpers, string Status, DateTimeOffset StartedAt, DateTimeOffset EndsAt,
    IReadOnlyList<BargainRewardView> Rewards);

internal sealed record BargainCutExport(Guid BargainId, long AmountFen, DateTimeOffset CutAt);

internal sealed record BargainsExport(IReadOnlyList<BargainExport> Started, IReadOnlyList<BargainCutExport> Helped);

/// <summary>The bargains the person started (with the coupons they earned) and the cuts they gave friends, oldest first.</summary>
internal sealed class BargainsDataExport(GrowthDb db, TimeProvider clock) : IPersonalDataExport
{
    public string Section => "bargains";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var started = await db.Bargains.AsNoTracking().Where(b => b.CustomerId == userId).ToListAsync(ct);
        var rewards = await db.BargainRewards.AsNoTracking().Where(r => r.CustomerId == userId).ToListAsync(ct);
        var helped = await db.BargainCuts.AsNoTracking().Where(c => c.HelperId == userId).ToListAsync(ct);
        if (started.Count == 0 && helped.Count == 0)
        {
            return null;
        }

        return new BargainsExport(
            started.OrderBy(b => b.StartedAt).Select(b => new BargainExport(
                b.Id, b.CampaignId, b.OriginalPriceFen, b.FloorPriceFen, b.CutFen, b.Helpers, b.StatusAt(now), b.StartedAt, b.EndsAt,
                rewards.Where(r => r.BargainId == b.Id).OrderBy(r => r.CutPercent)
                    .Select(r => new BargainRewardView(r.Id, r.CutPercent, r.AmountFen, r.MinSpendFen, r.GrantedAt)).ToList())).ToList(),
            helped.OrderBy(c => c.CutAt).Select(c => new BargainCutExport(c.BargainId, c.AmountFen, c.CutAt)).ToList());
    }
}

/// <summary>
/// The person's id on their bargains, cuts and rewards is replaced by a fresh random one per row, so nothing links them
/// to the person or to each other, while the amounts (and the campaign's counts) stay. A bargain under way ends.
/// </summary>
internal sealed class BargainsErasure(GrowthDb db, TimeProvider clock) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var bargain in await db.Bargains.Where(b => b.CustomerId == userId).ToListAsync(ct))
        {
            if (bargain.Status == BargainStatus.Running)
            {
                bargain.End(now);
            }

            bargain.CustomerId = Guid.NewGuid();
        }

        foreach (var cut in await db.BargainCuts.Where(c => c.HelperId == userId).ToListAsync(ct))
        {
            cut.HelperId = Guid.NewGuid();
        }

        foreach (var reward in await db.BargainRewards.Where(r => r.CustomerId == userId).ToListAsync(ct))
        {
            reward.CustomerId = Guid.NewGuid();
        }

        await db.SaveChangesAsync(ct);
    }
}
