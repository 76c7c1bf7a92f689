using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Calls;

/// <summary>CalleePhone is the person's own phone when the call was to them; anyone else's phone is never exported.</summary>
internal sealed record CallBindingExport(
    Guid OrderId, string Caller, string Callee, string RelayNumber, string Extension, string? CalleePhone, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Every relay binding (号码保护) the person asked for or was called through, oldest first: a customer's own calls about
/// their orders, a rider's own calls (a rider's id is their user id). The merchant's and the rider's calls to each other
/// about an order are theirs, not the customer's.
/// </summary>
internal sealed class CallBindingsDataExport(OrderingDb db, IPersonalDataProtector protector) : IPersonalDataExport
{
    public string Section => "calls";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var bindings = await db.CallBindings.AsNoTracking()
            .Where(b => (b.CustomerId == userId && (b.CallerParty == CallParties.Customer || b.CalleeParty == CallParties.Customer))
                || b.CallerUserId == userId || (b.CalleeId == userId && b.CalleeParty == CallParties.Rider))
            .ToListAsync(ct);
        return bindings.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).Select(b => new CallBindingExport(
            b.OrderId,
            b.CallerParty,
            b.CalleeParty,
            b.RelayNumber,
            b.Extension,
            IsCallee(b, userId) ? protector.Unprotect(b.CalleePhoneProtected) : null,
            b.CreatedAt,
            b.ExpiresAt)).ToList();
    }

    private static bool IsCallee(CallBinding b, Guid userId) =>
        (b.CalleeParty == CallParties.Customer && b.CustomerId == userId) || (b.CalleeParty == CallParties.Rider && b.CalleeId == userId);
}
