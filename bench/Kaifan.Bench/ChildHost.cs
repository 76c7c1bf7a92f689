using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace Kaifan.Bench;

/// <summary>
/// The built Kaifan.Host as a separate process on 127.0.0.1: Single mode, a fresh temp SQLite file with the demo seed,
/// keys of its own. Disposing kills it and deletes the file, so a bench stops by itself and leaves nothing behind, except
/// the host's log when it holds an error (a 500 seen by the browser is explained only there).
/// </summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private readonly TextWriter log;

    private ChildHost(Process process, int port, string signingKey, string dbFile, TextWriter log) =>
        (Process, Port, SigningKey, DbFile, this.log) = (process, port, signingKey, dbFile, log);

    public Process Process { get; }

    public int Port { get; }

    public string SigningKey { get; }

    public string DbFile { get; }

    public string LogFile => Path.ChangeExtension(DbFile, ".log");

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Null when there is no build at the path (the message says how to make one).</summary>
    public static async Task<ChildHost?> StartAsync(string? hostDll, IReadOnlyDictionary<string, string>? settings = null)
    {
        hostDll = Path.GetFullPath(hostDll ?? DefaultHostDll());
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"no host at {hostDll}: build it first (dotnet build src/Kaifan.Host -c Release) or pass --host");
            return null;
        }

        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var dbFile = Path.Combine(Path.GetTempPath(), $"kaifan-bench-{Guid.NewGuid():N}.db");
        var port = ListenPorts.Next();
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
        env["Kaifan__Orleans__SiloPort"] = ListenPorts.Next().ToString();
        env["Kaifan__Orleans__GatewayPort"] = ListenPorts.Next().ToString();
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = Process.Start(start)!;
        var log = TextWriter.Synchronized(new StreamWriter(Path.ChangeExtension(dbFile, ".log")) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ChildHost(process, port, signingKey, dbFile, log);
        await host.WaitUntilLiveAsync();
        return host;
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !Process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await DisposeAsync();
        throw new InvalidOperationException("the host did not come up within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
        log.Dispose();
        var errors = File.ReadLines(LogFile).Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        if (errors > 0)
        {
            Console.Error.WriteLine($"the host logged {errors} error(s): {LogFile}");
        }
        else
        {
            File.Delete(LogFile);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DbFile + suffix);
        }
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
}
