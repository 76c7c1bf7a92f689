using System.Globalization;
using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench.Mdrp;

internal sealed record MdrpOrder(string Id, Point DropOff, int PlacedAt, string RestaurantId, int ReadyAt);

internal sealed record MdrpCourier(string Id, Point OnLocation, int OnTime, int OffTime);

internal sealed record MdrpParameters(double MetersPerMinute, int PickupService, int DropoffService, int TargetClickToDoor,
    int MaxClickToDoor, double PayPerOrder, double PayPerHour);

/// <summary>One Grubhub MDRP instance folder (four tab-separated files with a header line).</summary>
internal sealed record MdrpInstance(
    string Name,
    IReadOnlyList<MdrpOrder> Orders,
    IReadOnlyDictionary<string, Point> Restaurants,
    IReadOnlyList<MdrpCourier> Couriers,
    MdrpParameters Parameters)
{
    public TravelModel Travel => new(Parameters.MetersPerMinute, Parameters.PickupService, Parameters.DropoffService);

    public static MdrpInstance Load(string dir)
    {
        var restaurants = Rows(dir, "restaurants.txt").ToDictionary(r => r[0], r => new Point(D(r[1]), D(r[2])), StringComparer.Ordinal);
        var orders = Rows(dir, "orders.txt")
            .Select(r => new MdrpOrder(r[0], new Point(D(r[1]), D(r[2])), I(r[3]), r[4], I(r[5])))
            .ToArray();
        var couriers = Rows(dir, "couriers.txt")
            .Select(r => new MdrpCourier(r[0], new Point(D(r[1]), D(r[2])), I(r[3]), I(r[4])))
            .ToArray();
        var p = Rows(dir, "instance_parameters.txt").Single();
        var parameters = new MdrpParameters(D(p[0]), I(p[1]), I(p[2]), I(p[3]), I(p[4]), D(p[5]), D(p[6]));
        foreach (var o in orders)
        {
            if (!restaurants.ContainsKey(o.RestaurantId)) throw new InvalidDataException($"{dir}: order {o.Id} names unknown restaurant {o.RestaurantId}");
        }

        return new MdrpInstance(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), orders, restaurants, couriers, parameters);
    }

    private static IEnumerable<string[]> Rows(string dir, string file) =>
        File.ReadLines(Path.Combine(dir, file)).Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static int I(string s) => (int)Math.Round(D(s));
}
