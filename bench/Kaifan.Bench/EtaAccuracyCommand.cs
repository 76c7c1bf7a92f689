using System.Diagnostics;
using Kaifan.Contracts.Queries;
using Kaifan.Insights.PrepTimes;

namespace Kaifan.Bench;

/// <summary>
/// eta-accuracy [--merchants 40] [--weeks 8] [--seed 6] [--min-samples 10] [--quantile 80]: how far the ETA promised at acceptance
/// lands from the actual delivery, with the merchant's stated prep minutes (before) and with prep times learned from
/// its own history by hour of day (after, Insights' LearnedPrep, relearned each midnight from the 4 weeks before).
/// Generated, deterministic history: each shop states a fixed prep time but its kitchen runs a bias of its own and
/// slows at the lunch and dinner peaks by a factor of its own, with noise; riders reach the shop 0–6 min after
/// acceptance; rides vary ±15 % around the estimate. The promise is Tracking's formula at acceptance:
/// max(prep, 0) + 2 min pickup + ride (straight line × 1.3 at 18 km/h) + 3 min at the door.
/// The first 4 weeks only build history; the rest are scored. A third row learns a higher quantile of the overrun
/// instead of the median, to show the price in error of promising more cautiously (fewer late orders).
/// </summary>
internal static class EtaAccuracyCommand
{
    private const double PickupMinutes = 2;
    private const double DropOffMinutes = 3;
    private const int LearningWeeks = 4;

    private sealed record Shop(int StatedMinutes, double Bias, double PeakFactor, double Noise);

    private sealed record Order(int Shop, DateTimeOffset AcceptedAt, double ActualPrep, double RiderToShop, double RideEstimate, double Ride);

    public static int Run(Options opts)
    {
        var merchants = opts.Int("merchants", 40);
        var weeks = opts.Int("weeks", 8);
        var seed = opts.Int("seed", 6);
        var minSamples = opts.Int("min-samples", 10);
        var cautious = opts.Int("quantile", 80) / 100.0;
        if (weeks <= LearningWeeks)
        {
            Console.Error.WriteLine($"--weeks must exceed the {LearningWeeks} learning weeks");
            return 2;
        }

        var sw = Stopwatch.StartNew();
        var random = new Random(seed);
        var shops = Enumerable.Range(0, merchants).Select(_ => NewShop(random)).ToArray();
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8));
        var orders = Generate(random, shops, start, weeks * 7);
        var scoredFrom = start.AddDays(LearningWeeks * 7);

        var before = new Score();
        var after = new Score();
        var afterCautious = new Score();
        var learnedShare = 0;
        foreach (var day in orders.Where(o => o.AcceptedAt >= scoredFrom).GroupBy(o => o.AcceptedAt.Date))
        {
            var midnight = day.First().AcceptedAt.ToOffset(TimeSpan.FromHours(8)).Date;
            var cut = new DateTimeOffset(midnight, TimeSpan.FromHours(8));
            var history = orders
                .Where(o => o.AcceptedAt < cut && o.AcceptedAt >= cut.AddDays(-7 * LearningWeeks))
                .GroupBy(o => o.Shop)
                .ToDictionary(g => g.Key, g => g.Select(o => new PrepSample(o.AcceptedAt, shops[o.Shop].StatedMinutes, o.ActualPrep)).ToList());
            var learned = history.ToDictionary(h => h.Key, h => LearnedPrep.From(h.Value, minSamples));
            var learnedCautious = history.ToDictionary(h => h.Key, h => LearnedPrep.From(h.Value, minSamples, cautious));
            foreach (var order in day)
            {
                var stated = shops[order.Shop].StatedMinutes;
                var delivered = Delivered(order);
                before.Add(Promise(order, stated), delivered, order.AcceptedAt);
                var estimate = learned.TryGetValue(order.Shop, out var l) ? l.Estimate(order.AcceptedAt, stated) : new PrepTimeEstimate(stated, PrepTimeEstimate.Stated, 0);
                learnedShare += estimate.Source == PrepTimeEstimate.Learned ? 1 : 0;
                after.Add(Promise(order, estimate.Minutes), delivered, order.AcceptedAt);
                var careful = learnedCautious.TryGetValue(order.Shop, out var c) ? c.Estimate(order.AcceptedAt, stated).Minutes : stated;
                afterCautious.Add(Promise(order, careful), delivered, order.AcceptedAt);
            }
        }

        Console.WriteLine($"{merchants} merchants, {weeks} weeks ({LearningWeeks} of history first), {orders.Count} orders, {before.Count} scored, seed {seed}; learned estimate used for {100.0 * learnedShare / after.Count:F1} % of scored orders");
        Console.WriteLine();
        Console.WriteLine("| prep estimate | orders | ETA MAE (min) | mean error (min) | late share | MAE at peaks (11–13, 17–19) | late share at peaks |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(before.Row("stated (before)"));
        Console.WriteLine(after.Row("learned by hour, median (after; what Kaifan ships)"));
        Console.WriteLine(afterCautious.Row($"learned by hour, {cautious:P0} quantile"));
        Console.WriteLine();
        Console.WriteLine($"{sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static Shop NewShop(Random random) =>
        new(
            StatedMinutes: random.Next(8, 21),
            Bias: random.NextDouble() * 12 - 3,
            PeakFactor: 1 + random.NextDouble() * 0.8,
            Noise: 1 + random.NextDouble() * 3);

    /// <summary>Orders from 10:00 to 21:59 Shanghai time, busier at lunch and dinner.</summary>
    private static List<Order> Generate(Random random, Shop[] shops, DateTimeOffset start, int days)
    {
        var orders = new List<Order>();
        for (var day = 0; day < days; day++)
        {
            for (var hour = 10; hour <= 21; hour++)
            {
                var peak = IsPeak(hour);
                for (var s = 0; s < shops.Length; s++)
                {
                    var shop = shops[s];
                    var count = random.Next(0, peak ? 4 : 2);
                    for (var i = 0; i < count; i++)
                    {
                        var accepted = start.AddDays(day).AddHours(hour).AddMinutes(random.NextDouble() * 60);
                        var kitchen = (shop.StatedMinutes + shop.Bias) * (peak ? shop.PeakFactor : 1) + Gaussian(random) * shop.Noise;
                        var rideEstimate = (0.4 + random.NextDouble() * 2.6) * 1.3 / 18 * 60;
                        orders.Add(new Order(
                            s,
                            accepted,
                            Math.Max(2, kitchen),
                            random.NextDouble() * 6,
                            rideEstimate,
                            rideEstimate * (0.85 + random.NextDouble() * 0.3)));
                    }
                }
            }
        }

        return orders;
    }

    private static bool IsPeak(int hour) => hour is 11 or 12 or 17 or 18;

    private static DateTimeOffset Promise(Order order, double prepMinutes) =>
        order.AcceptedAt.AddMinutes(Math.Max(prepMinutes, 0) + PickupMinutes + order.RideEstimate + DropOffMinutes);

    private static DateTimeOffset Delivered(Order order) =>
        order.AcceptedAt.AddMinutes(Math.Max(order.ActualPrep, order.RiderToShop) + PickupMinutes + order.Ride + DropOffMinutes);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Score
    {
        private double absolute;
        private double signed;
        private int late;
        private double peakAbsolute;
        private int peakLate;
        private int peakCount;

        public int Count { get; private set; }

        public void Add(DateTimeOffset promised, DateTimeOffset delivered, DateTimeOffset acceptedAt)
        {
            var error = (delivered - promised).TotalMinutes;
            Count++;
            absolute += Math.Abs(error);
            signed += error;
            late += error > 0 ? 1 : 0;
            if (IsPeak(LearnedPrep.HourOf(acceptedAt)))
            {
                peakCount++;
                peakAbsolute += Math.Abs(error);
                peakLate += error > 0 ? 1 : 0;
            }
        }

        public string Row(string name) =>
            $"| {name} | {Count} | {absolute / Count:F2} | {signed / Count:+0.00;-0.00} | {100.0 * late / Count:F1} % | {peakAbsolute / Math.Max(1, peakCount):F2} | {100.0 * peakLate / Math.Max(1, peakCount):F1} % |";
    }
}
