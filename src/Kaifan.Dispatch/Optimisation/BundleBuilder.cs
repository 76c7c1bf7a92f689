namespace Kaifan.Dispatch.Optimisation;

/// <summary>
/// Candidate bundles: every order alone, plus runs of orders of the same merchant that are close in ready time
/// (sorted by ready time, so a bundle never waits long for its last order).
/// </summary>
internal static class BundleBuilder
{
    public static List<Bundle> Build(IEnumerable<PendingOrder> orders, TravelModel travel, DispatchSettings settings)
    {
        var bundles = new List<Bundle>();
        var byMerchant = orders
            .GroupBy(o => o.MerchantId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byMerchant)
        {
            var sorted = group.OrderBy(o => o.ReadyAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToArray();
            foreach (var o in sorted) bundles.Add(Bundle.Sequence([o], travel, settings));
            for (var i = 0; i < sorted.Length; i++)
            {
                for (var size = 2; size <= settings.MaxBundleSize && i + size <= sorted.Length; size++)
                {
                    if (sorted[i + size - 1].ReadyAt - sorted[i].ReadyAt > settings.MaxReadySpreadMinutes) break;
                    bundles.Add(Bundle.Sequence(sorted[i..(i + size)], travel, settings));
                }
            }
        }

        return bundles;
    }
}
