using MathNet.Numerics.Distributions;

namespace Kaifan.Insights.Experiments;

/// <summary>
/// A variant against the control: the difference of conversion rates with its 95% interval (unpooled standard error)
/// and the two-sided p-value of the two-proportion z-test (pooled standard error). Verdict is "small" while either arm
/// has fewer than MinExposures exposures or too few expected conversions (or non-conversions) for the normal
/// approximation, fewer than MinExpected, else "significant" (p &lt; 0.05) or
/// "not-significant".
/// </summary>
internal sealed record VariantComparison(double Difference, double Low, double High, double Z, double PValue, string Verdict)
{
    public const int MinExposures = 100;
    public const double MinExpected = 5;
    private const double Alpha = 0.05;
    private static readonly double Z95 = Normal.InvCDF(0, 1, 1 - (Alpha / 2));

    public static VariantComparison? Of(int controlExposures, int controlConversions, int exposures, int conversions)
    {
        if (controlExposures == 0 || exposures == 0)
        {
            return null;
        }

        var pc = (double)controlConversions / controlExposures;
        var pv = (double)conversions / exposures;
        var difference = pv - pc;
        var unpooled = Math.Sqrt((pc * (1 - pc) / controlExposures) + (pv * (1 - pv) / exposures));
        var pooledRate = (double)(controlConversions + conversions) / (controlExposures + exposures);
        var pooled = Math.Sqrt(pooledRate * (1 - pooledRate) * ((1d / controlExposures) + (1d / exposures)));
        var z = pooled == 0 ? 0 : difference / pooled;
        var p = pooled == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var smaller = Math.Min(controlExposures, exposures);
        var small = smaller < MinExposures || smaller * pooledRate < MinExpected || smaller * (1 - pooledRate) < MinExpected;
        var verdict = small ? "small" : p < Alpha ? "significant" : "not-significant";
        return new VariantComparison(difference, difference - (Z95 * unpooled), difference + (Z95 * unpooled), z, p, verdict);
    }
}
