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
}
