using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

internal sealed record WheelSpinExport(Guid SpinId, Guid WheelId, DateOnly Day, int Segment, long AmountFen, long MinSpendFen, DateTimeOffset SpunAt);

internal sealed record WheelDayExport(Guid WheelId, DateOnly Day, int Spins, int ShareSpins);

/// <summary>A day the customer opened a friend's share link; which friend is the friend's data, so it stays out.</summary>
internal sealed record WheelShareOpenedExport(Guid WheelId, DateOnly Day, DateTimeOffset OpenedAt);

internal sealed record LuckyWheelExport(
    string? ShareCode, IReadOnlyList<WheelSpinExport> Spins, IReadOnlyList<WheelDayExport> Days, IReadOnlyList<WheelShareOpenedExport> SharesOpened);

/// <summary>The customer's 幸运大转盘 spins, their daily allowances (with the spins friends earned them) and share code.</summary>
internal sealed class WheelDataExport(GrowthDb db) : IPersonalDataExport
{
    public string Section => "luckyWheel";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var code = await db.WheelShareCodes.AsNoTracking().Where(c => c.CustomerId == userId).Select(c => c.Code).SingleOrDefaultAsync(ct);
        var spins = await db.WheelSpins.AsNoTracking().Where(s => s.CustomerId == userId).ToListAsync(ct);
        var days = await db.WheelDays.AsNoTracking().Where(d => d.CustomerId == userId).ToListAsync(ct);
        var opened = await db.WheelShares.AsNoTracking().Where(s => s.FriendId == userId).ToListAsync(ct);
        if (code is null && spins.Count == 0 && days.Count == 0 && opened.Count == 0)
        {
            return null;
        }

        return new LuckyWheelExport(
            code,
            spins.OrderBy(s => s.SpunAt).ThenBy(s => s.Id)
                .Select(s => new WheelSpinExport(s.Id, s.WheelId, s.Day, s.Segment, s.AmountFen, s.MinSpendFen, s.SpunAt)).ToList(),
            days.OrderBy(d => d.Day).ThenBy(d => d.WheelId).Select(d => new WheelDayExport(d.WheelId, d.Day, d.Spins, d.ShareSpins)).ToList(),
            opened.OrderBy(s => s.OpenedAt).Select(s => new WheelShareOpenedExport(s.WheelId, s.Day, s.OpenedAt)).ToList());
    }
}
