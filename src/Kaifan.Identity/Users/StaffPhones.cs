using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Users;

internal sealed class StaffPhones(IdentityDb db, IPersonalDataProtector protector) : IStaffPhones
{
    public async Task<string?> RiderPhoneAsync(Guid riderId, CancellationToken ct)
    {
        var cipher = await db.Users.AsNoTracking()
            .Where(u => u.RiderId == riderId && u.Role == Roles.Rider && u.ErasedAt == null)
            .Select(u => u.PhoneCipher)
            .FirstOrDefaultAsync(ct);
        return cipher is null ? null : protector.Unprotect(cipher);
    }

    public async Task<string?> MerchantPhoneAsync(Guid merchantId, CancellationToken ct)
    {
        var cipher = await db.Users.AsNoTracking()
            .Where(u => u.MerchantId == merchantId && u.Role == Roles.Merchant && u.ErasedAt == null)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => u.PhoneCipher)
            .FirstOrDefaultAsync(ct);
        return cipher is null ? null : protector.Unprotect(cipher);
    }
}
