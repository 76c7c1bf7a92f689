using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Addresses;

internal sealed record AddressExport(
    Guid Id, Guid ZoneId, string ContactName, string Phone, string Detail, double Latitude, double Longitude, string Tag, bool StairsNoLift,
    DateTimeOffset CreatedAt);

/// <summary>The saved delivery addresses in a person's data copy, decrypted.</summary>
internal sealed class AddressesDataExport(IdentityDb db, IPersonalDataProtector protector) : IPersonalDataExport
{
    public string Section => "addresses";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.CustomerId == userId).ToListAsync(ct);
        return addresses
            .OrderBy(a => a.CreatedAt)
            .Select(a => new AddressExport(
                a.Id, a.ZoneId, protector.Unprotect(a.ContactNameCipher), protector.Unprotect(a.PhoneCipher), protector.Unprotect(a.DetailCipher),
                a.Latitude, a.Longitude, a.Tag, a.StairsNoLift, a.CreatedAt))
            .ToList();
    }
}
