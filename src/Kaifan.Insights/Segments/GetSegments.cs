using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Insights.Segments;

/// <summary>
/// GET /api/ops/insights/segments: the eight RFM segments right now, each with its customer count, average recency
/// (days), frequency and monetary (orders and fen in the last 90 days) and its total spend in those days. Counts and
/// averages only: no customer is named.
/// </summary>
internal static class GetSegments
{
    internal sealed record SegmentView(
        string Key, string Name, int Customers, double AvgRecencyDays, double AvgFrequency, double AvgMonetaryFen, long TotalMonetaryFen);

    internal sealed record Response(DateTimeOffset At, int WindowDays, int Customers, RfmAverages Averages, List<SegmentView> Segments);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api/ops/insights/segments", HandleAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Insights")
            .Produces<Response>();

    private static async Task<IResult> HandleAsync(SegmentRefresh segments, CancellationToken ct)
    {
        var segmentation = await segments.ComputeAsync(ct);
        var views = RfmSegments.All.Select(key =>
        {
            var members = segmentation.Customers.Where(c => c.Segment == key).Select(c => c.Rfm).ToList();
            return members.Count == 0
                ? new SegmentView(key, RfmSegments.NameOf(key), 0, 0, 0, 0, 0)
                : new SegmentView(key, RfmSegments.NameOf(key), members.Count,
                    Math.Round(members.Average(m => m.RecencyDays), 1), Math.Round(members.Average(m => m.Frequency), 2),
                    Math.Round(members.Average(m => (double)m.MonetaryFen)), members.Sum(m => m.MonetaryFen));
        }).ToList();
        var averages = segmentation.Averages;
        return Results.Ok(new Response(segmentation.At, RfmScoring.WindowDays, segmentation.Customers.Count,
            new RfmAverages(Math.Round(averages.RecencyDays, 1), Math.Round(averages.Frequency, 2), Math.Round(averages.MonetaryFen)), views));
    }
}
