namespace Kaifan.Insights.Experiments;

/// <summary>
/// A variant against the control, valid however often the operator looks: the mixture sequential probability ratio
/// test (mSPRT; Johari, Pekelis, Walsh 2017, the test behind Optimizely's Stats Engine) on the difference of conversion
/// rates, normal approximation, mixing distribution N(0, Tau²). PValue is the always-valid p-value 1/Λ (capped at 1):
/// under no true difference the chance that it ever falls below 0.05, at any look, is at most 5% (Ville's inequality),
/// where the fixed-sample z-test's is several times that when read daily. Low/High is the matching always-valid 95%
/// confidence sequence (unpooled standard error); Z is the plain z statistic (pooled), for reference. Verdict is
/// "small" while either arm has fewer than MinExposures exposures or too few expected conversions (or non-conversions)
/// for the normal approximation, fewer than MinExpected, else "significant" (PValue &lt; 0.05) or "not-significant".
/// </summary>
internal sealed record VariantComparison(double Difference, double Low, double High, double Z, double PValue, string Verdict)
{
    public const int MinExposures = 100;
    public const double MinExpected = 5;
    public const double Alpha = 0.05;

    /// <summary>The spread of differences the test is tuned to find: a few percentage points, as interface changes move conversion.</summary>
    public const double Tau = 0.05;

    public static VariantComparison? Of(int controlExposures, int controlConversions, int exposures, int conversions)
    {
        if (controlExposures == 0 || exposures == 0)
        {
            return null;
        }

        var pc = (double)controlConversions / controlExposures;
        var pv = (double)conversions / exposures;
        var difference = pv - pc;
        var unpooled = (pc * (1 - pc) / controlExposures) + (pv * (1 - pv) / exposures);
        var pooledRate = (double)(controlConversions + conversions) / (controlExposures + exposures);
        var pooled = pooledRate * (1 - pooledRate) * ((1d / controlExposures) + (1d / exposures));
        var z = pooled == 0 ? 0 : difference / Math.Sqrt(pooled);
        var p = pooled == 0 ? 1 : Math.Min(1, 1 / MixtureLikelihoodRatio(difference, pooled));
        var halfWidth = ConfidenceHalfWidth(unpooled);
        var smaller = Math.Min(controlExposures, exposures);
        var small = smaller < MinExposures || smaller * pooledRate < MinExpected || smaller * (1 - pooledRate) < MinExpected;
        var verdict = small ? "small" : p < Alpha ? "significant" : "not-significant";
        return new VariantComparison(difference, difference - halfWidth, difference + halfWidth, z, p, verdict);
    }

    /// <summary>Λ = √(V / (V + τ²)) · exp(θ̂² τ² / (2 V (V + τ²))), V the variance of the difference under no difference.</summary>
    private static double MixtureLikelihoodRatio(double difference, double variance)
    {
        var tau2 = Tau * Tau;
        return Math.Sqrt(variance / (variance + tau2)) * Math.Exp(difference * difference * tau2 / (2 * variance * (variance + tau2)));
    }

    /// <summary>The differences Λ would not reject at Alpha: θ̂ ± √(V (V + τ²) / τ² · (2 ln(1/α) + ln((V + τ²) / V))).</summary>
    private static double ConfidenceHalfWidth(double variance)
    {
        if (variance == 0)
        {
            return 0;
        }

        var tau2 = Tau * Tau;
        return Math.Sqrt(variance * (variance + tau2) / tau2 * ((2 * Math.Log(1 / Alpha)) + Math.Log((variance + tau2) / variance)));
    }
}
