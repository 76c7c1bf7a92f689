using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Calls;

/// <summary>CalleePhone is the customer's own phone when the call was to them; a rider's or merchant's phone is never exported.</summary>
internal sealed record CallBindingExport(
    Guid OrderId, string Caller, string Callee, string RelayNumber, string Extension, string? CalleePhone, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Every relay binding (号码保护) the customer asked for or was called through, oldest first; the merchant's and the
/// rider's calls to each other about the order are theirs, not the customer's.
/// </summary>
internal sealed class CallBindingsDataExport(OrderingDb db, IPersonalDataProtector protector) : IPersonalDataExport
{
    public string Section => "calls";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var bindings = await db.CallBindings.AsNoTracking()
            .Where(b => b.CustomerId == userId && (b.CallerParty == CallParties.Customer || b.CalleeParty == CallParties.Customer))
            .ToListAsync(ct);
        return bindings.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).Select(b => new CallBindingExport(
            b.OrderId,
            b.CallerParty,
            b.CalleeParty,
            b.RelayNumber,
            b.Extension,
            b.CalleeParty == CallParties.Customer ? protector.Unprotect(b.CalleePhoneProtected) : null,
            b.CreatedAt,
            b.ExpiresAt)).ToList();
    }
}
