using System.Net;
using System.Net.Sockets;

namespace Kaifan.Bench;

/// <summary>
/// Ports for the listeners a test or a benchmark starts later (Orleans silos and gateways, redis, a child host). A port
/// the kernel hands out for port 0 lies in the ephemeral range, so between our probe and the real bind an outgoing connection (to PostgreSQL, from
/// a browser or a host) could take it, and the silo then failed with "address already in use". These come from above
/// that range, where outgoing connections never land; a random start and the probe keep other test runs' ports apart.
/// </summary>
internal static class ListenPorts
{
    private const int Highest = 65_000;
    private static readonly int Lowest = AboveEphemeralRange();
    private static int next = Lowest + Random.Shared.Next(Highest - Lowest);

    public static int Next()
    {
        for (var tries = 0; tries < Highest - Lowest; tries++)
        {
            var port = Lowest + ((Interlocked.Increment(ref next) - Lowest) % (Highest - Lowest));
            if (Bindable(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port between {Lowest} and {Highest}");
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Above Linux's ephemeral range (32768–60999 unless configured) and PostgreSQL's ports in test.sh (61432, 615xx).</summary>
    private static int AboveEphemeralRange()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var upper = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).Last(), out var top)
            ? top
            : 60_999;
        var lowest = Math.Max(upper + 1, 62_000);
        return lowest <= Highest - 1_000 ? lowest : throw new InvalidOperationException(
            $"the ephemeral port range reaches {upper}: narrow it (sysctl net.ipv4.ip_local_port_range) so test listeners have room above it");
    }
}
