using System.Globalization;
using System.Text.RegularExpressions;

namespace Kaifan.Bench;

/// <summary>
/// customer-flow --server-times: the host's own time per route, from ASP.NET Core's "Request finished" log lines, beside
/// the shopper's per-tap figures, so a slower tap can be told apart into the server's share (pages and the API calls they
/// make over loopback) and the browser's.
/// </summary>
internal static partial class ServerTimes
{
    public static readonly IReadOnlyDictionary<string, string> HostSettings = new Dictionary<string, string>
    {
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    public static void Print(string logFile, int top = 25)
    {
        var byRoute = new Dictionary<string, List<double>>();
        foreach (var line in File.ReadLines(logFile))
        {
            var match = Finished().Match(line);
            if (match.Success)
            {
                var route = $"{match.Groups["method"].Value} {Ids().Replace(match.Groups["path"].Value, "{id}")} {match.Groups["status"].Value}";
                var times = byRoute.TryGetValue(route, out var list) ? list : byRoute[route] = [];
                times.Add(double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
            }
        }

        Console.WriteLine($"  server time per route (warm-up included), the {top} with the most time in all: count / median / p90 / total ms");
        foreach (var (route, times) in byRoute.OrderByDescending(r => r.Value.Sum()).Take(top))
        {
            times.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"    {times.Count,5} {times[times.Count / 2],8:F1} {times[(int)(times.Count * 0.9)],8:F1} {times.Sum(),9:F0}  {route}"));
        }
    }

    [GeneratedRegex(@"Request finished HTTP/[\d.]+ (?<method>[A-Z]+) https?://[^/\s]+(?<path>[^?\s]*)\S* - (?<status>\d{3}) .* (?<ms>[\d.]+)ms$")]
    private static partial Regex Finished();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)(wx)?[0-9a-f]{32}|(?<=\.)[a-z0-9]{10}(?=\.(js|css)$)")]
    private static partial Regex Ids();
}
