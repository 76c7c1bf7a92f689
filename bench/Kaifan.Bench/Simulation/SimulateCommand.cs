using System.Globalization;

namespace Kaifan.Bench.Simulation;

/// <summary>
/// simulate --instance DIR --speed 60 [--host http://127.0.0.1:5080] [--connections 32] [--step 15] [--progress 10]
/// [--capacity 4] [--run NN] [--trace]: replays one MDRP day through a running host started in simulation mode (ADR 0010).
/// </summary>
internal static class SimulateCommand
{
    public static int Run(Options opts)
    {
        if (!opts.Has("instance") || !opts.Has("speed"))
        {
            Console.Error.WriteLine("usage: simulate --instance DIR --speed N [--host URL] [--connections 32] [--step SECONDS] [--progress MINUTES] [--capacity 4] [--run NN] [--trace]");
            return 2;
        }

        var options = new SimulationOptions(
            double.Parse(opts.Get("speed"), CultureInfo.InvariantCulture),
            opts.Int("connections", 32),
            double.Parse(opts.GetOrDefault("step") ?? "15", CultureInfo.InvariantCulture),
            double.Parse(opts.GetOrDefault("progress") ?? "10", CultureInfo.InvariantCulture),
            opts.Int("capacity", 4),
            opts.Has("run") ? opts.Int("run", 10) : null,
            Trace: opts.Has("trace"));
        var instance = Mdrp.MdrpInstance.Load(opts.Get("instance"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(opts.GetOrDefault("host") ?? "http://127.0.0.1:5080"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            var result = new DaySimulator(new SimApi(http), instance, options, Console.Out).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine(result.Summary());
            return result.Delivered == result.Orders ? 0 : 1;
        }
        catch (Exception e) when (e is SimulationException or HttpRequestException)
        {
            Console.Error.WriteLine($"simulate: {e.Message}");
            return 2;
        }
    }
}
