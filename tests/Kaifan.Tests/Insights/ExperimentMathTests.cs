using Kaifan.Insights.Experiments;
using MathNet.Numerics.Distributions;

namespace Kaifan.Tests.Insights;

/// <summary>
/// A/B arithmetic: the hashed assignment (stable, split by the weights) and the test of a variant against the control,
/// which stays valid however often the operator looks.
/// </summary>
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
    public void the_always_valid_p_value_and_interval_match_the_hand_calculation()
    {
        // 10% vs 14% on 2,000 each. Pooled rate 0.12, V0 = 0.12 * 0.88 * (2 / 2000) = 1.056e-4, z = 0.04 / √V0 = 3.89249;
        // τ² = 0.0025: Λ = √(V0 / (V0 + τ²)) · exp(0.04² τ² / (2 V0 (V0 + τ²))) = 288.832, p = 1 / Λ = 0.0034622.
        // Unpooled V = 0.1 * 0.9 / 2000 + 0.14 * 0.86 / 2000 = 1.052e-4; half-width √(V (V + τ²) / τ² (2 ln 20 + ln((V + τ²) / V))) = 0.0317594.
        var result = VariantComparison.Of(2000, 200, 2000, 280)!;

        result.Difference.ShouldBe(0.04, 1e-12);
        result.Z.ShouldBe(3.8924947208076155, 1e-9);
        result.PValue.ShouldBe(0.0034622153359908855, 1e-9);
        result.Low.ShouldBe(0.008240566108398878, 1e-9);
        result.High.ShouldBe(0.07175943389160114, 1e-9);
        result.Verdict.ShouldBe("significant");
    }

    [Fact]
    public void a_gap_the_one_look_test_would_call_is_not_called_yet_on_two_hundred_each()
    {
        // 10% vs 20%: z = 2.80, so a single pre-planned look would say p = 0.005; read at any time it is p = 1 / 7.8017.
        var result = VariantComparison.Of(200, 20, 200, 40)!;

        result.PValue.ShouldBe(0.12817763365992704, 1e-9);
        result.Low.ShouldBeLessThan(0);
        result.Verdict.ShouldBe("not-significant");
    }

    [Fact]
    public void looking_every_day_at_experiments_without_a_difference_calls_a_winner_in_under_five_percent_of_them()
    {
        // 400 A/A experiments at 10% conversion, each looked at every 100 customers an arm up to 5,000: the test above
        // may only ever call 5% of them; reading the one-look z-test at each of those 50 looks calls far more.
        var random = new Random(20261129);
        var (calledAlwaysValid, calledOneLook) = (0, 0);
        for (var experiment = 0; experiment < 400; experiment++)
        {
            var (control, variant, n) = (0, 0, 0);
            var (alwaysValid, oneLook) = (false, false);
            while (n < 5_000)
            {
                for (var i = 0; i < 100; i++, n++)
                {
                    control += random.NextDouble() < 0.1 ? 1 : 0;
                    variant += random.NextDouble() < 0.1 ? 1 : 0;
                }

                var look = VariantComparison.Of(n, control, n, variant)!;
                alwaysValid |= look.Verdict == "significant";
                oneLook |= look.Verdict != "small" && 2 * (1 - Normal.CDF(0, 1, Math.Abs(look.Z))) < VariantComparison.Alpha;
            }

            calledAlwaysValid += alwaysValid ? 1 : 0;
            calledOneLook += oneLook ? 1 : 0;
        }

        (calledAlwaysValid / 400d).ShouldBeLessThanOrEqualTo(VariantComparison.Alpha);
        (calledOneLook / 400d).ShouldBeGreaterThan(2 * VariantComparison.Alpha, "peeking at the one-look test is what this guards against");
    }

    [Fact]
    public void a_real_three_point_lift_is_found_by_five_thousand_customers_an_arm_in_most_experiments()
    {
        var random = new Random(7);
        var found = 0;
        for (var experiment = 0; experiment < 200; experiment++)
        {
            var control = Enumerable.Range(0, 5_000).Count(_ => random.NextDouble() < 0.10);
            var variant = Enumerable.Range(0, 5_000).Count(_ => random.NextDouble() < 0.13);
            found += VariantComparison.Of(5_000, control, 5_000, variant)!.Verdict == "significant" ? 1 : 0;
        }

        (found / 200d).ShouldBeGreaterThan(0.8);
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
