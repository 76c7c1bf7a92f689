using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

internal sealed record PresaleEntryExport(
    Guid PresaleId, string ItemName, Guid OrderId, int Quantity, string? ShownAs, DateTimeOffset JoinedAt, DateTimeOffset? PaidAt, DateTimeOffset DeliverAt, string ChainStatus);

/// <summary>The 预售接龙 chains the person joined: which dish, how many, the name the chain showed, and how it ended.</summary>
internal sealed class PresalesDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "presales";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var entries = await (
                from entry in db.PresaleEntries.AsNoTracking()
                join presale in db.Presales.AsNoTracking() on entry.PresaleId equals presale.Id
                where entry.CustomerId == userId
                select new { entry, presale })
            .ToListAsync(ct);
        return entries.Count == 0
            ? null
            : entries.OrderBy(e => e.entry.JoinedAt)
                .Select(e => new PresaleEntryExport(
                    e.presale.Id, e.presale.ItemName, e.entry.OrderId, e.entry.Quantity, e.entry.MaskedName, e.entry.JoinedAt, e.entry.PaidAt,
                    e.presale.DeliverAt, e.presale.Status.ToString()))
                .ToList();
    }
}

/// <summary>
/// The entry stays, so the chain still counts its portions, but its masked name goes and it is held under an id of its
/// own that belongs to nobody: the chain then shows 匿名用户 in its place.
/// </summary>
internal sealed class PresalesErasure(GrowthDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public async Task EraseAsync(Guid userId, CancellationToken ct)
    {
        var orders = await db.PresaleEntries.Where(e => e.CustomerId == userId).Select(e => e.OrderId).ToListAsync(ct);
        foreach (var orderId in orders)
        {
            await db.PresaleEntries.Where(e => e.OrderId == orderId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, Guid.NewGuid()).SetProperty(e => e.MaskedName, (string?)null), ct);
        }
    }
}
