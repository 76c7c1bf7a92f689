using System.Globalization;
using System.Text.Json;

namespace Kaifan.Insights.Forecasting;

/// <summary>Hourly counts per zone on a gap-free hour grid. Times are the data set's naive local clock (no offset is known
/// for it), hour index 0 = <see cref="Start"/>.</summary>
internal sealed class DemandHistory
{
    public DemandHistory(DateTime start, int[] zoneIds, float[][] counts, IReadOnlyDictionary<DateOnly, DailyWeather>? weather = null,
        IReadOnlyDictionary<int, int[]>? neighbours = null)
    {
        if (zoneIds.Length != counts.Length) throw new ArgumentException("one series per zone");
        Start = start;
        ZoneIds = zoneIds;
        Counts = counts;
        Hours = counts.Length == 0 ? 0 : counts[0].Length;
        Weather = weather ?? new Dictionary<DateOnly, DailyWeather>();
        var index = zoneIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        NeighbourIndexes = zoneIds.Select(id => neighbours is not null && neighbours.TryGetValue(id, out var ns)
            ? ns.Where(index.ContainsKey).Select(n => index[n]).ToArray() : []).ToArray();
    }

    public DateTime Start { get; }
    public int[] ZoneIds { get; }
    /// <summary>Counts[zone][hour]; NaN where the data set has no row for that zone-hour.</summary>
    public float[][] Counts { get; }
    public int Hours { get; }
    public IReadOnlyDictionary<DateOnly, DailyWeather> Weather { get; }
    public int[][] NeighbourIndexes { get; }

    public DateTime TimeOf(int hour) => Start.AddHours(hour);
    public int IndexOf(DateTime time) => (int)Math.Round((time - Start).TotalHours);

    /// <summary>Only the hours with index ≤ lastHour: what was known at that hour's end.</summary>
    public DemandHistory TruncatedAfter(int lastHour) => new(Start, ZoneIds,
        Counts.Select(c => c.Take(lastHour + 1).ToArray()).ToArray(),
        Weather.Where(w => w.Key < DateOnly.FromDateTime(TimeOf(lastHour + 1))).ToDictionary(), Neighbours());

    private Dictionary<int, int[]> Neighbours() => ZoneIds.Select((id, i) => (id, ns: NeighbourIndexes[i].Select(n => ZoneIds[n]).ToArray()))
        .ToDictionary(p => p.id, p => p.ns);

    /// <summary>Loads every "*_zone.csv" (columns: row index, PUZone, Count, PUTime) plus optional weather.csv and
    /// zone_neighbors.json from a folder, in the nyc-taxi-zones format.</summary>
    public static DemandHistory Load(string directory)
    {
        var rows = new List<(int Zone, DateTime Time, float Count)>();
        foreach (var file in Directory.GetFiles(directory, "*.csv").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(file);
            var header = reader.ReadLine();
            if (header is null || !header.Contains("PUZone", StringComparison.Ordinal)) continue;
            var cols = header.Split(',');
            int zc = Array.IndexOf(cols, "PUZone"), cc = Array.IndexOf(cols, "Count"), tc = Array.IndexOf(cols, "PUTime");
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0) continue;
                var f = line.Split(',');
                rows.Add((int.Parse(f[zc], CultureInfo.InvariantCulture),
                    DateTime.ParseExact(f[tc], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    float.Parse(f[cc], CultureInfo.InvariantCulture)));
            }
        }
        if (rows.Count == 0) throw new InvalidDataException($"no *_zone.csv hourly counts in {directory}");
        var start = rows.Min(r => r.Time);
        var hours = (int)(rows.Max(r => r.Time) - start).TotalHours + 1;
        var zones = rows.Select(r => r.Zone).Distinct().Order().ToArray();
        var zoneIndex = zones.Select((z, i) => (z, i)).ToDictionary(p => p.z, p => p.i);
        var counts = zones.Select(_ => Enumerable.Repeat(float.NaN, hours).ToArray()).ToArray();
        foreach (var r in rows) counts[zoneIndex[r.Zone]][(int)(r.Time - start).TotalHours] = r.Count;

        var weatherFile = Path.Combine(directory, "weather.csv");
        var neighbourFile = Path.Combine(directory, "zone_neighbors.json");
        return new DemandHistory(start, zones, counts,
            File.Exists(weatherFile) ? DailyWeather.Load(weatherFile) : null,
            File.Exists(neighbourFile) ? LoadNeighbours(neighbourFile) : null);
    }

    private static Dictionary<int, int[]> LoadNeighbours(string file) =>
        JsonSerializer.Deserialize<Dictionary<string, int[]>>(File.ReadAllText(file))!
            .ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value);
}

/// <summary>One day of NOAA station data (inches, °F, mph); missing values are NaN.</summary>
internal sealed record DailyWeather(float Precipitation, float Snowfall, float SnowDepth, float MaxTemperature, float MinTemperature, float Wind)
{
    public static Dictionary<DateOnly, DailyWeather> Load(string file)
    {
        var lines = File.ReadAllLines(file);
        var cols = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(cols, name);
        int date = Col("DATE"), prcp = Col("PRCP"), snow = Col("SNOW"), snwd = Col("SNWD"), tmax = Col("TMAX"), tmin = Col("TMIN"), wind = Col("AWND");
        var result = new Dictionary<DateOnly, DailyWeather>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f.Length <= date || f[date].Length == 0) continue;
            var day = DateOnly.ParseExact(f[date], ["M/d/yy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);
            float V(int c) => c >= 0 && c < f.Length && float.TryParse(f[c], CultureInfo.InvariantCulture, out var v) ? v : float.NaN;
            result[day] = new DailyWeather(V(prcp), V(snow), V(snwd), V(tmax), V(tmin), V(wind));
        }
        return result;
    }
}
