using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Refunds;

/// <summary>Every refund request the customer made, oldest first, with their note as they wrote it.</summary>
internal sealed class RefundRequestsDataExport(OrderingDb db) : IPersonalDataExport
{
    public string Section => "refundRequests";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var requests = await db.RefundRequests.AsNoTracking().Where(r => r.CustomerId == userId).ToListAsync(ct);
        return requests.OrderBy(r => r.RequestedAt).Select(RefundRequestView.Of).ToList();
    }
}
