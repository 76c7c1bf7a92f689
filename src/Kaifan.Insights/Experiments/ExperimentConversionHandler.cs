using Kaifan.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// An order converts each of the customer's exposures it follows within 24 h (one per experiment). Only exposures not yet
/// converted change, so a repeated event changes nothing; an order placed before the exposure never counts.
/// </summary>
public static class ExperimentConversionHandler
{
    public static Task Handle(OrderPlaced e, InsightsDb db, CancellationToken ct)
    {
        var earliest = e.PlacedAt - ExperimentRules.ConversionWindow;
        return db.ExperimentExposures
            .Where(x => x.CustomerId == e.CustomerId && x.ConvertedAt == null && x.ExposedAt <= e.PlacedAt && x.ExposedAt >= earliest)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConvertedAt, e.PlacedAt).SetProperty(x => x.ConvertingOrderId, e.OrderId), ct);
    }
}
