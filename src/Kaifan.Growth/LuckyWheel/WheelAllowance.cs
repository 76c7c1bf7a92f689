using System.Security.Cryptography;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>The rows that spins and shares count on, created on first use; a parallel creator's row is as good as ours.</summary>
internal static class WheelAllowance
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Outside any transaction: on PostgreSQL a failed insert would poison the transaction that follows.</summary>
    public static async Task EnsureDayAsync(GrowthDb db, Guid wheelId, Guid customerId, DateOnly day, CancellationToken ct)
    {
        if (await db.WheelDays.AnyAsync(d => d.WheelId == wheelId && d.CustomerId == customerId && d.Day == day, ct))
        {
            return;
        }

        db.WheelDays.Add(new WheelDay { WheelId = wheelId, CustomerId = customerId, Day = day });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static async Task<string> ShareCodeAsync(GrowthDb db, Guid customerId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = await db.WheelShareCodes.AsNoTracking().Where(c => c.CustomerId == customerId).Select(c => c.Code).SingleOrDefaultAsync(ct);
            if (code is not null)
            {
                return code;
            }

            db.WheelShareCodes.Add(new WheelShareCode { CustomerId = customerId, Code = RandomNumberGenerator.GetString(CodeAlphabet, WheelRules.ShareCodeLength) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
            {
                // The customer's parallel request made one first, or (rarely) another customer holds this code: look again.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public static int SpinsLeft(Wheel wheel, WheelDay? day) =>
        day is null ? wheel.FreeSpinsPerDay : Math.Max(0, wheel.FreeSpinsPerDay + day.ShareSpins - day.Spins);
}
