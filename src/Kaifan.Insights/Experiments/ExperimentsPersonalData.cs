using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Experiments;

internal sealed record ExposureExport(string Experiment, string Variant, DateTimeOffset ExposedAt, DateTimeOffset? ConvertedAt, Guid? ConvertingOrderId);

/// <summary>Which experiments the customer took part in, the variant they saw and whether an order followed.</summary>
internal sealed class ExperimentsDataExport(InsightsDb db) : IPersonalDataExport
{
    public string Section => "experiments";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken ct)
    {
        var exposures = await db.ExperimentExposures.AsNoTracking().Where(x => x.CustomerId == userId).ToListAsync(ct);
        return exposures.Count == 0
            ? null
            : exposures.OrderBy(x => x.ExposedAt).Select(x => new ExposureExport(x.ExperimentKey, x.Variant, x.ExposedAt, x.ConvertedAt, x.ConvertingOrderId)).ToList();
    }
}

/// <summary>The link to the customer goes; the exposure stays, unlinked, so an experiment's counts do not shift under the operator.</summary>
internal sealed class ExperimentsErasure(InsightsDb db) : IPersonalDataErasure
{
    public Task<ErasureBlocker?> BlockerAsync(Guid userId, CancellationToken ct) => Task.FromResult<ErasureBlocker?>(null);

    public Task EraseAsync(Guid userId, CancellationToken ct) =>
        db.ExperimentExposures.Where(x => x.CustomerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, (Guid?)null).SetProperty(x => x.ConvertingOrderId, (Guid?)null), ct);
}
