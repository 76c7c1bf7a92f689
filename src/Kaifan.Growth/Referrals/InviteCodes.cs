using Kaifan.BuildingBlocks.Http;
using System.Security.Cryptography;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Growth.Referrals;

/// <summary>Six symbols from 32 that cannot be misread (no 0/O, 1/I): about a billion codes, read aloud without doubt.</summary>
internal static class InviteCodes
{
    public const int Length = 6;
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const string Field = "code";

    public static string SharePath(string code) => $"/m/invite/{code}";

    /// <summary>Typed codes match in any case, width or with spaces around.</summary>
    public static string Normalize(string code) => code.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();

    public static IResult NoSuchCode() => Problems.NotFoundAt(Field, "邀请码不正确 (no such code)");

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The customer's code, made now if they have none; a parallel first ask or a taken code is settled by the unique keys.</summary>
    public static async Task<InviteCode> EnsureAsync(GrowthDb db, Guid customerId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await db.InviteCodes.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customerId, ct) is { } existing)
            {
                return existing;
            }

            var code = new InviteCode { CustomerId = customerId, Code = NewCode(), CreatedAt = now };
            db.InviteCodes.Add(code);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Entry(code).State = EntityState.Detached;
                return code;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 5)
            {
                // Either the customer's parallel ask made one (read it next) or another customer holds this code (draw again).
                db.ChangeTracker.Clear();
            }
        }
    }
}
