using System.Text.RegularExpressions;
using FluentValidation;
using Kaifan.Contracts;
using Kaifan.Dispatch.Zones;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Dispatch.Batches;

/// <summary>What the operator states about a line (POST and PUT alike); departures are Shanghai "HH:mm" times of day.</summary>
internal sealed record BatchLineRequest(string? Name, double? Latitude, double? Longitude, double? RadiusMetres, IReadOnlyList<string>? Departures)
{
    /// <summary>Stored as the entity keeps them: trimmed, earliest first, comma-separated.</summary>
    public string StoredDepartures() => string.Join(',', Departures!.Select(d => d.Trim()).Order(StringComparer.Ordinal));
}

internal sealed partial class BatchLineValidator : AbstractValidator<BatchLineRequest>
{
    public const double MinRadiusMetres = 50;
    public const double MaxRadiusMetres = 3000;

    /// <summary>A run every 20 minutes round the clock; the stored list must also fit its 500-character column.</summary>
    public const int MaxDepartures = 72;

    public BatchLineValidator()
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写线路名称 (name is required)")
            .MaximumLength(100).WithMessage("线路名称最多100个字 (name must be at most 100 characters)");
        RuleFor(r => r.Latitude).NotNull().InclusiveBetween(-90, 90).WithMessage("纬度须在-90到90之间 (latitude must be -90..90)");
        RuleFor(r => r.Longitude).NotNull().InclusiveBetween(-180, 180).WithMessage("经度须在-180到180之间 (longitude must be -180..180)");
        RuleFor(r => r.RadiusMetres).NotNull().InclusiveBetween(MinRadiusMetres, MaxRadiusMetres)
            .WithMessage($"覆盖半径须在{MinRadiusMetres:0}到{MaxRadiusMetres:0}米之间 (radiusMetres must be {MinRadiusMetres:0}..{MaxRadiusMetres:0})");
        RuleFor(r => r.Departures).NotEmpty().WithMessage("至少需要一个发车时间 (departures needs at least one time)")
            .Must(d => d is null || d.Count <= MaxDepartures).WithMessage($"发车时间最多{MaxDepartures}个 (at most {MaxDepartures} departures)")
            .Must(d => d is null || d.Select(t => t?.Trim()).Distinct().Count() == d.Count).WithMessage("发车时间不能重复 (departures must not repeat)");
        RuleForEach(r => r.Departures).Must(t => t is not null && Time().IsMatch(t.Trim()))
            .WithMessage("发车时间须为24小时制HH:mm，如11:30 (each departure must be HH:mm, e.g. 11:30)");
    }

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    private static partial Regex Time();
}

/// <summary>HeldOrders: orders already waiting for one of this line's runs; they keep it whatever the line becomes.</summary>
internal sealed record BatchLineView(
    Guid Id, Guid ZoneId, string Name, double Latitude, double Longitude, double RadiusMetres, IReadOnlyList<string> Departures, int HeldOrders)
{
    public static BatchLineView From(BatchLine line, int heldOrders) =>
        new(line.Id, line.ZoneId, line.Name, line.CentreLatitude, line.CentreLongitude, line.RadiusMetres, line.Info().Departures, heldOrders);
}

internal static class HeldBatchOrders
{
    /// <summary>
    /// The zone's orders Dispatch holds for a run and has not yet given to a rider, per line whose cluster holds the
    /// drop-off. The hold (dispatch_jobs.hold_until) was fixed at acceptance and promised to the customer, so changing
    /// or removing the line moves none of them.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> CountAsync(DispatchDb db, Guid zoneId, IReadOnlyList<BatchLine> lines, CancellationToken ct)
    {
        var held = await db.Jobs.AsNoTracking()
            .Where(j => j.ZoneId == zoneId && j.Status == JobStatus.Pending && j.HoldUntil != null)
            .Select(j => new { j.DropOffLatitude, j.DropOffLongitude })
            .ToListAsync(ct);
        return lines.ToDictionary(
            l => l.Id,
            l => held.Count(j => l.Covers(new GeoPoint(j.DropOffLatitude, j.DropOffLongitude))));
    }
}
