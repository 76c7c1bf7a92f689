using Kaifan.BuildingBlocks.Security;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Addresses;

internal sealed class CustomerDirectory(IdentityDb db, IPersonalDataProtector protector) : ICustomerDirectory
{
    public async Task<DeliveryAddress?> GetOwnAddressAsync(Guid customerId, Guid addressId, CancellationToken ct)
    {
        var a = await db.Addresses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == addressId && x.CustomerId == customerId, ct);
        return a is null
            ? null
            : new DeliveryAddress(
                a.Id, a.ZoneId, protector.Unprotect(a.ContactNameCipher), protector.Unprotect(a.PhoneCipher),
                protector.Unprotect(a.DetailCipher), new GeoPoint(a.Latitude, a.Longitude), a.StairsNoLift);
    }

    public Task<bool> HasAddressInZoneAsync(Guid customerId, Guid zoneId, CancellationToken ct) =>
        db.Addresses.AnyAsync(a => a.CustomerId == customerId && a.ZoneId == zoneId, ct);

    public async Task<IReadOnlyDictionary<Guid, string>> MaskedNamesAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var ids = customerIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.NameCipher != null)
            .Select(u => new { u.Id, u.NameCipher }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => Mask.Name(protector.Unprotect(u.NameCipher!)));
    }
}
