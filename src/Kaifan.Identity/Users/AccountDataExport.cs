using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Users;

internal sealed record AccountExport(Guid UserId, string Role, string Phone, string? Name, DateTimeOffset CreatedAt);

/// <summary>The account part of a person's data copy: phone and name decrypted, since it goes to the person themself.</summary>
internal sealed class AccountDataExport(IdentityDb db, IPersonalDataProtector protector) : IPersonalDataExport
{
    public string Section => "account";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null
            ? null
            : new AccountExport(
                user.Id,
                user.Role,
                protector.Unprotect(user.PhoneCipher),
                user.NameCipher is null ? null : protector.Unprotect(user.NameCipher),
                user.CreatedAt);
    }
}
