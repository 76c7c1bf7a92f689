using Kaifan.Bench.Mdrp;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Tests.Dispatch;

public sealed class MdrpReplayTests
{
    private static readonly Lazy<MdrpInstance> Smallest = new(() =>
    {
        var root = RepoRoot();
        var data = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "mdrp"));
        Directory.Exists(data).ShouldBeTrue($"MDRP data expected at {data}");
        var dir = Directory.GetDirectories(data)
            .Where(d => File.Exists(Path.Combine(d, "orders.txt")))
            .OrderBy(d => File.ReadLines(Path.Combine(d, "orders.txt")).Count())
            .ThenBy(d => d, StringComparer.Ordinal)
            .First();
        return MdrpInstance.Load(dir);
    });

    [Fact]
    public void replaying_the_smallest_instance_passes_every_feasibility_check()
    {
        var solution = MdrpReplay.Run(Smallest.Value, new DispatchSettings());

        FeasibilityChecker.Check(Smallest.Value, solution);
        var metrics = MdrpMetrics.Of(Smallest.Value, solution);
        metrics.Delivered.ShouldBeGreaterThan(Smallest.Value.Orders.Count * 95 / 100);
        metrics.ClickToDoorMean.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void a_rerun_gives_identical_numbers_and_files()
    {
        var first = MdrpReplay.Run(Smallest.Value, new DispatchSettings());
        var second = MdrpReplay.Run(Smallest.Value, new DispatchSettings());

        Scored(MdrpMetrics.Of(Smallest.Value, second)).ShouldBe(Scored(MdrpMetrics.Of(Smallest.Value, first)));
        second.Assignments.Select(Text).ShouldBe(first.Assignments.Select(Text));
        second.Orders.ShouldBe(first.Orders);
        second.Moves.ShouldBe(first.Moves);
    }

    [Fact]
    public void the_checker_fails_loudly_on_a_pickup_before_the_food_is_ready()
    {
        var solution = MdrpReplay.Run(Smallest.Value, new DispatchSettings());
        var a = solution.Assignments[0];
        var tampered = solution with { Assignments = [a with { PickupAt = a.PickupAt - 5 }, .. solution.Assignments.Skip(1)] };

        Should.Throw<InvalidOperationException>(() => FeasibilityChecker.Check(Smallest.Value, tampered))
            .Message.ShouldContain("pickup");
    }

    [Fact]
    public void the_checker_fails_loudly_on_an_order_delivered_twice()
    {
        var solution = MdrpReplay.Run(Smallest.Value, new DispatchSettings());
        var tampered = solution with { Assignments = [.. solution.Assignments, solution.Assignments[0]] };

        Should.Throw<InvalidOperationException>(() => FeasibilityChecker.Check(Smallest.Value, tampered))
            .Message.ShouldContain("assigned twice");
    }

    private static string Text(AssignmentRow a) => $"{a.AssignedAt} {a.PickupAt} {a.CourierId} {string.Join(' ', a.OrderIds)}";

    private static string Scored(MdrpMetrics m) => (m with { RoundMsMean = 0, RoundMsMax = 0 }).ToString();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kaifan.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Kaifan.sln not found above " + AppContext.BaseDirectory);
    }
}
