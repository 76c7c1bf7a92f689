using System.Text.Json;

namespace Kaifan.Bench.Simulation;

/// <summary>What the ops console's on-time page shows for the simulated zone: Insights' verdicts against Tracking's promises.</summary>
internal sealed record OpsOnTimeReport(int Delivered, int OnTime, IReadOnlyDictionary<string, int> Causes, int GuaranteedDelivered, int GuaranteesKept)
{
    public override string ToString() =>
        $"ops on-time page (Insights): {OnTime}/{Delivered} on time vs the promise; late by cause: " +
        (Causes.Count == 0 ? "none" : string.Join(", ", Causes.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}")));

    /// <summary>
    /// Insights hears of deliveries through the bus, so the report may trail the riders by a moment: read until it has
    /// counted what the simulator saw delivered, or give the last reading after a few real seconds. Read even when the
    /// day was cut short (so no caller's token); null when the host cannot answer, which leaves the day's own result.
    /// </summary>
    public static async Task<OpsOnTimeReport?> ReadAsync(SimApi api, string operatorToken, Guid zoneId, DateTimeOffset from, DateTimeOffset to, int delivered)
    {
        try
        {
            return await ReadUntilCountedAsync(api, operatorToken, zoneId, from, to, delivered);
        }
        catch (Exception e) when (e is SimulationException or HttpRequestException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static async Task<OpsOnTimeReport?> ReadUntilCountedAsync(SimApi api, string operatorToken, Guid zoneId, DateTimeOffset from, DateTimeOffset to, int delivered)
    {
        OpsOnTimeReport? last = null;
        for (var attempt = 0; attempt < 50 && (last is null || last.Delivered < delivered); attempt++)
        {
            var path = $"/api/ops/insights/ontime?zoneId={zoneId}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
            var report = await api.CallAsync(HttpMethod.Get, path, operatorToken);
            last = report.GetProperty("zones").EnumerateArray().Select(Of).FirstOrDefault() ?? new(0, 0, new Dictionary<string, int>(), 0, 0);
            if (last.Delivered < delivered)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        return last;
    }

    private static OpsOnTimeReport Of(JsonElement zone)
    {
        var guarantee = zone.GetProperty("guarantee");
        return new(
            zone.GetProperty("delivered").GetInt32(),
            zone.GetProperty("onTime").GetInt32(),
            zone.GetProperty("causes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            guarantee.GetProperty("delivered").GetInt32(),
            guarantee.GetProperty("kept").GetInt32());
    }
}
