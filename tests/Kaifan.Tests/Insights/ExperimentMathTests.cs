using Kaifan.Insights.Experiments;

namespace Kaifan.Tests.Insights;

/// <summary>A/B arithmetic: the hashed assignment (stable, split by the weights) and the test of a variant against the control.</summary>
public sealed class ExperimentMathTests
{
    private static readonly (string, int)[] ThreeWay = [("control", 50), ("b", 30), ("c", 20)];

    [Fact]
    public void the_hash_point_is_the_top_53_bits_of_sha256_of_key_and_customer_so_every_host_and_version_agrees()
    {
        // Worked out by hand with Python's hashlib: int.from_bytes(sha256(b"key:guid")[:8], "big") >> 11, over 2**53.
        var customer = Guid.Parse("0b6f3a52-9a1e-4c8e-9f0e-2d6c1f4a7b3e");

        VariantAssignment.UnitPoint("home.recommendations.position", customer).ShouldBe(0.584146474732489, 1e-15);
        VariantAssignment.Of("home.recommendations.position", customer, [("top", 50), ("bottom", 50)]).ShouldBe("bottom");
        VariantAssignment.Of("home.recommendations.position", customer, [("top", 60), ("bottom", 40)]).ShouldBe("top");
    }

    [Fact]
    public void ten_thousand_customers_split_within_two_points_of_the_weights_and_each_keeps_their_variant()
    {
        var random = new Random(20261129);
        var customers = Enumerable.Range(0, 10_000).Select(_ => new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16))).ToList();

        var first = customers.Select(c => VariantAssignment.Of("checkout.button-text", c, ThreeWay)).ToList();
        var again = customers.Select(c => VariantAssignment.Of("checkout.button-text", c, ThreeWay)).ToList();

        again.ShouldBe(first);
        foreach (var (name, weight) in ThreeWay)
        {
            var share = first.Count(v => v == name) / 10_000d;
            share.ShouldBe(weight / 100d, 0.02, name);
        }
    }

    [Fact]
    public void another_experiment_reshuffles_the_same_customers_independently()
    {
        var random = new Random(7);
        var customers = Enumerable.Range(0, 4_000).Select(_ => new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16))).ToList();
        (string, int)[] halves = [("a", 1), ("b", 1)];

        var same = customers.Count(c => VariantAssignment.Of("exp.one", c, halves) == VariantAssignment.Of("exp.two", c, halves));

        (same / 4_000d).ShouldBe(0.5, 0.04, "a customer in A of one experiment is no likelier to be in A of the next");
    }

    [Fact]
    public void ten_versus_twenty_percent_on_two_hundred_each_matches_the_hand_calculation_and_is_significant()
    {
        // Pooled p = 60/400 = 0.15, SE0 = sqrt(0.15 * 0.85 * (1/200 + 1/200)) = 0.035707, z = 0.10 / SE0 = 2.80056,
        // p = 2 * (1 - Φ(2.80056)) = 0.0051014; SE = sqrt(0.1 * 0.9 / 200 + 0.2 * 0.8 / 200) = 0.035355, 95%: 0.10 ± 1.95996 SE.
        var result = VariantComparison.Of(200, 20, 200, 40)!;

        result.Difference.ShouldBe(0.10, 1e-12);
        result.Z.ShouldBe(2.8005601680560193, 1e-9);
        result.PValue.ShouldBe(0.005101399646004978, 1e-7);
        result.Low.ShouldBe(0.030704808782516108, 1e-9);
        result.High.ShouldBe(0.1692951912174839, 1e-9);
        result.Verdict.ShouldBe("significant");
    }

    [Fact]
    public void a_small_gap_is_not_significant_and_a_handful_of_customers_is_too_small_to_say()
    {
        var close = VariantComparison.Of(400, 40, 400, 46)!;
        close.Verdict.ShouldBe("not-significant");
        close.Low.ShouldBeLessThan(0);
        close.High.ShouldBeGreaterThan(0);
        close.PValue.ShouldBeGreaterThan(0.05);

        VariantComparison.Of(30, 3, 30, 12)!.Verdict.ShouldBe("small", "30 customers an arm is under the minimum");
        VariantComparison.Of(1000, 1, 1000, 2)!.Verdict.ShouldBe("small", "3 conversions in all are too few for the normal approximation");
        VariantComparison.Of(0, 0, 10, 1).ShouldBeNull();
    }
}
