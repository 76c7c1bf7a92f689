using Kaifan.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Simulation;

/// <summary>The host's clock from Kaifan:Clock:Start and Kaifan:Clock:Speed (the simulator and the benchmarks set them).</summary>
public sealed class HostClockTests
{
    private static readonly DateTimeOffset NoonInShanghai = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void without_either_setting_the_host_lives_on_the_wall_clock()
    {
        ClockOf([]).ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public void a_start_at_real_speed_sets_the_clock_to_that_hour_and_lets_it_run_at_real_speed()
    {
        var clock = ClockOf(new() { ["Kaifan:Clock:Start"] = NoonInShanghai.ToString("O"), ["Kaifan:Clock:Speed"] = "1" });

        var first = clock.GetUtcNow();
        Thread.Sleep(50);
        var later = clock.GetUtcNow();

        first.ShouldBeInRange(NoonInShanghai, NoonInShanghai.AddMinutes(1));
        (later - first).ShouldBeInRange(TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void a_start_with_a_speed_runs_that_many_times_faster_from_that_hour()
    {
        var clock = ClockOf(new() { ["Kaifan:Clock:Start"] = NoonInShanghai.ToString("O"), ["Kaifan:Clock:Speed"] = "60" });

        Thread.Sleep(100);

        (clock.GetUtcNow() - NoonInShanghai).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
    }

    private static TimeProvider ClockOf(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddKaifanClock();
        return builder.Services.BuildServiceProvider().GetRequiredService<TimeProvider>();
    }
}
