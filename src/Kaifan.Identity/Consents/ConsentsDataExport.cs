using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.Consents;

/// <summary>Every consent decision in a person's data copy, oldest first, as the record of what they agreed to and when.</summary>
internal sealed class ConsentsDataExport(IdentityDb db) : IPersonalDataExport
{
    public string Section => "consents";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct) =>
        (await db.Consents.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct))
            .OrderBy(c => c.Id)
            .Select(c => new ConsentEventView(c.Purpose, c.Granted, c.At, c.PolicyVersion))
            .ToList();
}
