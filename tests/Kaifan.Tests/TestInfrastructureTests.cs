using System.Net;
using System.Net.Sockets;
using Kaifan.Bench;

namespace Kaifan.Tests;

/// <summary>What every test host's start leans on (ADR 0027), under the parallel use a test run gives it.</summary>
public sealed class TestInfrastructureTests
{
    [Fact]
    public void listen_ports_are_distinct_bindable_and_above_the_kernels_ephemeral_range()
    {
        var ephemeralTop = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1]);
        var ports = Enumerable.Range(0, 16).AsParallel().Select(_ => ListenPorts.Next()).ToList();

        ports.Distinct().Count().ShouldBe(ports.Count);
        foreach (var port in ports)
        {
            port.ShouldBeGreaterThan(ephemeralTop);
            var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
        }
    }
}
