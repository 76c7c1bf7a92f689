using System.Globalization;
using Kaifan.Web.Api;

namespace Kaifan.Web.Components.Ops.Insights;

/// <summary>How the experiments board words numbers: rates and differences in percent (points), p to three places.</summary>
public static class ExperimentText
{
    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Points(double difference) => (difference >= 0 ? "+" : "") + (difference * 100).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Difference(VariantComparisonInfo c) => $"{Points(c.Difference)} pp [{Points(c.Low)}, {Points(c.High)}]";

    public static string PValue(double p) => p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The key of the plain-words verdict: a significant result says which way it went.</summary>
    public static string VerdictKey(VariantComparisonInfo c) =>
        "Experiments.Verdict." + (c.Verdict == "significant" ? (c.Difference > 0 ? "significant-up" : "significant-down") : c.Verdict);
}
