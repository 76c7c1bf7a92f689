using System.Globalization;
using System.Text.RegularExpressions;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Planning;

/// <summary>Source is "import", "demo" or both ("demo+import").</summary>
internal sealed record ImportedZoneView(Guid ZoneId, string ZoneName, DateTimeOffset From, DateTimeOffset To, int Hours, long Orders, string Source);

/// <summary>POST /api/ops/insights/history (text/csv) brings a station's past orders per zone and hour from the platform
/// it ran before, so the forecaster has weeks to learn from on Kaifan's first day. Lines are <c>zone,hour,orders</c>: the
/// zone by name or id, the hour as <c>yyyy-MM-dd HH:00</c> on the station's clock (Asia/Shanghai) or ISO 8601 with an
/// offset, the orders a whole number; a header line is optional. All or nothing: a bad line refuses the file with a
/// problem naming the line and field. A file replaces what was imported for its zones between its first and last hour,
/// so a corrected file can simply be sent again; the forecaster retrains after each change. GET summarises what is
/// imported; DELETE removes it.</summary>
internal static class ImportDemandHistory
{
    public const long MaxBytes = 8 * 1024 * 1024;
    private const int MaxOrdersPerHour = 100_000;
    private const int MaxErrors = 20;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var history = endpoints.MapGroup("/api/ops/insights/history").RequireAuthorization(Roles.Operator).WithTags("Ops insights");
        history.MapPost("", ImportAsync).Accepts<string>("text/csv").Produces<List<ImportedZoneView>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        history.MapGet("", SummaryAsync).Produces<List<ImportedZoneView>>();
        history.MapDelete("", ClearAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, InsightsDb db, ICatalogQueries catalog, TimeProvider clock, ForecastService forecaster,
        CancellationToken ct)
    {
        // The host caps bodies at 256 KB; a year of hours for twenty zones is a few megabytes.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        string text;
        using (var reader = new StreamReader(http.Request.Body))
            text = await reader.ReadToEndAsync(ct);

        var now = clock.GetUtcNow();
        var zones = await catalog.ListZonesAsync(ct);
        var (rows, errors) = Parse(text, zones, ZoneHistory.HourStart(now));
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var zone in rows.GroupBy(r => r.ZoneId))
        {
            DateTimeOffset first = zone.Min(r => r.Hour), last = zone.Max(r => r.Hour);
            await db.ImportedVolumes.Where(v => v.ZoneId == zone.Key && v.Hour >= first && v.Hour <= last).ExecuteDeleteAsync(ct);
        }
        foreach (var row in rows) row.ImportedAt = now;
        db.ImportedVolumes.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "另一份导入正在写入这些小时，请稍后再试 (another import is writing these hours: try again)");
        }
        await transaction.CommitAsync(ct);
        forecaster.RequestRetrain();
        return Results.Ok(Summarise(rows, zones));
    }

    private static async Task<IResult> SummaryAsync(InsightsDb db, ICatalogQueries catalog, CancellationToken ct)
    {
        var rows = await db.ImportedVolumes.AsNoTracking().ToListAsync(ct);
        return Results.Ok(Summarise(rows, await catalog.ListZonesAsync(ct)));
    }

    /// <summary>?zone=id removes one zone's imported hours, none removes all.</summary>
    private static async Task<IResult> ClearAsync(InsightsDb db, ForecastService forecaster, Guid? zone, CancellationToken ct)
    {
        await db.ImportedVolumes.Where(v => zone == null || v.ZoneId == zone).ExecuteDeleteAsync(ct);
        forecaster.RequestRetrain();
        return Results.NoContent();
    }

    private static List<ImportedZoneView> Summarise(IEnumerable<ImportedVolume> rows, IReadOnlyList<ZoneQuote> zones) =>
        rows.GroupBy(r => r.ZoneId)
            .Select(g => new ImportedZoneView(g.Key, zones.FirstOrDefault(z => z.Id == g.Key)?.Name ?? g.Key.ToString()[..8],
                g.Min(r => r.Hour), g.Max(r => r.Hour), g.Count(), g.Sum(r => (long)r.Orders),
                string.Join('+', g.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal))))
            .OrderBy(v => v.ZoneName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The rows of a file, or its first errors keyed "line N.field".</summary>
    private static (List<ImportedVolume> Rows, Dictionary<string, string[]> Errors) Parse(string text, IReadOnlyList<ZoneQuote> zones,
        DateTimeOffset currentHour)
    {
        var rows = new List<ImportedVolume>();
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<(Guid, DateTimeOffset)>();
        var lines = text.Split('\n');
        for (var n = 1; n <= lines.Length && errors.Count < MaxErrors; n++)
        {
            var line = lines[n - 1].Trim().TrimStart('\uFEFF');
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            // A header (zone,hour,orders or 配送区,时间,订单数) is a first line whose last field is no number.
            if (n == 1 && fields.Length == 3 && !int.TryParse(fields[2].Trim(), CultureInfo.InvariantCulture, out _)) continue;
            if (fields.Length != 3)
            {
                errors[$"line {n}"] = [$"第 {n} 行应有 3 列: zone,hour,orders (line {n} must have 3 fields: zone,hour,orders)"];
                continue;
            }

            var name = fields[0].Trim();
            var before = errors.Count;
            var zone = zones.FirstOrDefault(z => z.Name == name || (Guid.TryParse(name, out var id) && z.Id == id));
            if (zone is null) errors[$"line {n}.zone"] = [$"第 {n} 行: 没有叫 “{name}” 的配送区 (line {n}: no zone named '{name}')"];
            var hour = ParseHour(fields[1].Trim());
            if (hour is null) errors[$"line {n}.hour"] = [$"第 {n} 行: 时间须为 2000 年以后的整点, 如 2026-09-01 11:00 (line {n}: hour must be on the hour, 2000 or later, e.g. 2026-09-01 11:00)"];
            else if (hour >= currentHour) errors[$"line {n}.hour"] = [$"第 {n} 行: 该小时尚未结束 (line {n}: that hour is not over yet)"];
            if (!int.TryParse(fields[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var orders) || orders > MaxOrdersPerHour)
                errors[$"line {n}.orders"] = [$"第 {n} 行: 订单数须为 0–{MaxOrdersPerHour} 的整数 (line {n}: orders must be a whole number 0–{MaxOrdersPerHour})"];
            if (errors.Count > before) continue;
            if (!seen.Add((zone!.Id, hour!.Value)))
            {
                errors[$"line {n}.hour"] = [$"第 {n} 行: {name} 的这个小时重复出现 (line {n}: this hour of {name} appears twice)"];
                continue;
            }
            rows.Add(new ImportedVolume { ZoneId = zone.Id, Hour = hour.Value, Orders = orders, Source = ImportedVolume.Imported });
        }
        if (rows.Count == 0 && errors.Count == 0) errors["body"] = ["文件没有数据行 (the file has no rows)"];
        return (rows, errors);
    }

    private static readonly Regex OffsetAtEnd = new(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.Compiled);

    private static readonly string[] StationClockFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy/M/d H:mm"];

    /// <summary>The UTC hour of an ISO 8601 time with its offset, or of one without an offset on the station's clock; null
    /// unless it is on the hour and in 2000 or later.</summary>
    private static DateTimeOffset? ParseHour(string text)
    {
        DateTimeOffset at;
        if (OffsetAtEnd.IsMatch(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at)) return null;
        }
        else if (DateTime.TryParseExact(text, StationClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year >= 2000)
        {
            at = new DateTimeOffset(local, ChinaTime.Offset);
        }
        else
        {
            return null;
        }
        var utc = at.ToUniversalTime();
        return utc.Year >= 2000 && utc.Minute == 0 && utc.Second == 0 && utc.Millisecond == 0 ? utc : null;
    }
}
