namespace Kaifan.Bench.Mdrp;

internal sealed record MdrpMetrics(
    string Instance,
    int Orders,
    int Delivered,
    double UndeliveredPct,
    double ClickToDoorMean,
    double ClickToDoorP90,
    double ReadyToPickupMean,
    double OrdersPerCourierHour,
    double CostPerOrder,
    double OrdersPerBundle,
    double RoundMsMean,
    double RoundMsMax,
    int Rounds,
    int OverMaximum)
{
    public static MdrpMetrics Of(MdrpInstance instance, MdrpSolution solution)
    {
        var orders = instance.Orders.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var delivered = solution.Orders;
        var ctd = delivered.Select(o => (double)(o.DropoffAt - o.PlacedAt)).OrderBy(v => v).ToArray();
        var rtp = delivered.Select(o => (double)(o.PickupAt - orders[o.OrderId].ReadyAt)).ToArray();
        var perCourier = delivered.GroupBy(o => o.CourierId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var p = instance.Parameters;
        var hours = instance.Couriers.Sum(c => (c.OffTime - c.OnTime) / 60.0);
        var pay = instance.Couriers.Sum(c => Math.Max(p.PayPerOrder * perCourier.GetValueOrDefault(c.Id), p.PayPerHour * (c.OffTime - c.OnTime) / 60.0));
        var n = delivered.Count;
        return new MdrpMetrics(
            instance.Name,
            instance.Orders.Count,
            n,
            100.0 * (instance.Orders.Count - n) / instance.Orders.Count,
            n == 0 ? 0 : ctd.Average(),
            Percentile(ctd, 0.9),
            n == 0 ? 0 : rtp.Average(),
            n / hours,
            n == 0 ? 0 : pay / n,
            solution.Assignments.Count == 0 ? 0 : (double)n / solution.Assignments.Count,
            solution.RoundMilliseconds.Count == 0 ? 0 : solution.RoundMilliseconds.Average(),
            solution.RoundMilliseconds.Count == 0 ? 0 : solution.RoundMilliseconds.Max(),
            solution.RoundMilliseconds.Count,
            ctd.Count(v => v > p.MaxClickToDoor));
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default), as the published figures use.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return 0;
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
