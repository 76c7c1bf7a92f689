using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Dispatch;
using Kaifan.Dispatch.Riders;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Bench;

/// <summary>
/// pings [--riders 200] [--connections 64] [--seconds 10]: rider location pings accepted per second by ONE host.
/// Starts the built Kaifan.Host as a child process (Single mode, fresh temp SQLite, demo seed, a signing key of
/// its own), puts N riders online, then (1) closed loop: as many concurrent POST /api/rider/location as the
/// connections allow, for the max rate, the same against GET /health/live for the bare host's rate and with an
/// invalid latitude (JWT, JSON and validation but no buffer or grain: the fixed per-request cost); (2) open loop at half that rate: requests sent on a fixed schedule,
/// latency counted from the scheduled send time (so a stalled server is not hidden), p50/p99. Stops by itself.
/// </summary>
internal static class PingsCommand
{
    private static readonly Guid Zone = DemoCampus.ZoneId(1);

    public static int Run(Options opts)
    {
        var riders = opts.Int("riders", 200);
        var connections = opts.Int("connections", 64);
        var seconds = opts.Int("seconds", 10);
        return RunAsync(riders, connections, TimeSpan.FromSeconds(seconds), opts.GetOrDefault("host")).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int riderCount, int connections, TimeSpan phase, string? hostDll)
    {
        hostDll ??= DefaultHostDll();
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"no host at {hostDll}: build it first (dotnet build src/Kaifan.Host -c Release) or pass --host");
            return 2;
        }

        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var dbFile = Path.Combine(Path.GetTempPath(), $"kaifan-bench-{Guid.NewGuid():N}.db");
        var port = FreePort();
        using var host = StartHost(hostDll, port, signingKey, dbFile);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitUntilLiveAsync(http, host);
            var riders = await AddRidersAsync(dbFile, riderCount);
            var tokens = riders.Select(r => $"Bearer {Token(signingKey, r)}").ToArray();
            for (var i = 0; i < tokens.Length; i++)
            {
                using var online = Request(HttpMethod.Post, "/api/rider/online", tokens[i], new { zoneId = Zone, latitude = 31.025, longitude = 121.442 });
                using var answer = await http.SendAsync(online);
                answer.EnsureSuccessStatusCode();
            }

            // A fresh host is still compiling (tiered JIT) for several seconds: 2 s of warm-up left the first
            // measured phase at a third of its steady rate, so every probe warms up before anything is measured.
            foreach (var probe in new[] { Probe.Ping, Probe.Live, Probe.Rejected, Probe.Ping })
            {
                await ClosedLoopAsync(http, tokens, connections, TimeSpan.FromSeconds(3), probe);
            }

            var (max, maxErrors) = await ClosedLoopAsync(http, tokens, connections, phase);
            var (bare, _) = await ClosedLoopAsync(http, tokens, connections, phase, Probe.Live);
            var (rejected, _) = await ClosedLoopAsync(http, tokens, connections, phase, Probe.Rejected);
            var rate = max / 2;
            var (latencies, sent, errors) = await OpenLoopAsync(http, tokens, rate, phase);
            latencies.Sort();
            double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
            Console.WriteLine($"pings, one host, {riderCount} riders online, {connections} connections, {Environment.ProcessorCount} cores:");
            Console.WriteLine($"  max (closed loop, {phase.TotalSeconds:F0} s): {max:F0} pings/s accepted, {maxErrors} errors");
            Console.WriteLine($"  same host, GET /health/live (no auth, no grain, no body), closed loop: {bare:F0}/s; pings reach {max / bare:P0} of it");
            Console.WriteLine($"  same host, ping with latitude 100 (JWT + JSON + validation, 400 problem, no buffer, no grain), closed loop: {rejected:F0}/s; pings reach {max / rejected:P0} of it");
            Console.WriteLine($"  open loop at {rate:F0}/s (50%), {phase.TotalSeconds:F0} s: {sent} sent, {errors} errors, p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {P(1):F2} ms");
            return 0;
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbFile + suffix);
            }
        }
    }

    private enum Probe { Ping, Live, Rejected }

    private static async Task<(double PerSecond, long Errors)> ClosedLoopAsync(HttpClient http, string[] tokens, int workers, TimeSpan duration, Probe probe = Probe.Ping)
    {
        long ok = 0, errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var rng = new Random(w);
            while (stop.Elapsed < duration)
            {
                var good = probe switch
                {
                    Probe.Live => await LiveAsync(http),
                    Probe.Rejected => await RejectedAsync(http, tokens[rng.Next(tokens.Length)]),
                    _ => await PingAsync(http, tokens[rng.Next(tokens.Length)], rng),
                };
                if (good)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (ok / stop.Elapsed.TotalSeconds, errors);
    }

    private static async Task<(List<double> LatenciesMs, long Sent, long Errors)> OpenLoopAsync(HttpClient http, string[] tokens, double rate, TimeSpan duration)
    {
        var latencies = new List<double>();
        var inFlight = new List<Task>();
        long sent = 0, errors = 0;
        var rng = new Random(7);
        var clock = Stopwatch.StartNew();
        var total = (long)(rate * duration.TotalSeconds);
        while (sent < total)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; sent < Math.Min(due, total); sent++)
            {
                var scheduled = sent / rate;
                var token = tokens[rng.Next(tokens.Length)];
                inFlight.Add(Task.Run(async () =>
                {
                    var good = await PingAsync(http, token, Random.Shared);
                    var ms = (clock.Elapsed.TotalSeconds - scheduled) * 1000;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                        if (!good)
                        {
                            errors++;
                        }
                    }
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        return (latencies, sent, errors);
    }

    private static async Task<bool> PingAsync(HttpClient http, string token, Random rng)
    {
        try
        {
            using var request = Request(HttpMethod.Post, "/api/rider/location", token, new { latitude = 31.02 + rng.NextDouble() * 0.01, longitude = 121.44 + rng.NextDouble() * 0.01 });
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> RejectedAsync(HttpClient http, string token)
    {
        try
        {
            using var request = Request(HttpMethod.Post, "/api/rider/location", token, new { latitude = 100.0, longitude = 121.44 });
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.BadRequest;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> LiveAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/live");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string bearer, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", bearer);
        return request;
    }

    /// <summary>The 12 demo riders, plus as many more profiles as asked, written straight into the host's fresh database.</summary>
    private static async Task<List<Guid>> AddRidersAsync(string dbFile, int count)
    {
        var riders = Enumerable.Range(1, Math.Min(count, DemoCampus.RiderCount)).Select(DemoCampus.RiderId).ToList();
        var options = ModuleDatabases.UseSqlite(new DbContextOptionsBuilder<SqliteDispatchDb>(), $"Data Source={dbFile};Default Timeout=30", DispatchDb.SchemaName);
        await using var db = new SqliteDispatchDb((DbContextOptions<SqliteDispatchDb>)options.Options);
        for (var n = riders.Count; n < count; n++)
        {
            var id = Guid.CreateVersion7();
            db.Riders.Add(new RiderProfile { RiderId = id, HomeZoneId = Zone, VehicleType = "ebike", BatteryRangeKm = 40, Capacity = 3, AcceptsStairs = true });
            riders.Add(id);
        }

        await db.SaveChangesAsync();
        return riders;
    }

    /// <summary>An HS256 JWT shaped like the Identity module's (issuer kaifan, audience kaifan-api, role rider, rider_id).</summary>
    private static string Token(string signingKey, Guid riderId)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "kaifan",
            ["aud"] = "kaifan-api",
            ["sub"] = riderId.ToString(),
            ["role"] = "rider",
            ["rider_id"] = riderId.ToString(),
            ["iat"] = now,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{B64(signature)}";
    }

    private static Process StartHost(string hostDll, int port, string signingKey, string dbFile)
    {
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["DOTNET_ENVIRONMENT"] = env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["Kaifan__Mode"] = "Single";
        env["Kaifan__SeedDemo"] = "true";
        env["ConnectionStrings__Sqlite"] = $"Data Source={dbFile}";
        env["Kaifan__Tokens__SigningKey"] = signingKey;
        env["Kaifan__PersonalData__ActiveKeyId"] = "b1";
        env["Kaifan__PersonalData__Keys__b1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        env["Kaifan__PersonalData__HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        env["Kaifan__Orleans__SiloPort"] = FreePort().ToString();
        env["Kaifan__Orleans__GatewayPort"] = FreePort().ToString();
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Process host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !host.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("the host did not come up within 60 s");
    }

    private static string DefaultHostDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaifan.sln")))
        {
            dir = dir.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(dir?.FullName ?? ".", "src", "Kaifan.Host", "bin", configuration, "net10.0", "Kaifan.Host.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
