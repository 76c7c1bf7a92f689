using Kaifan.Dispatch.Optimisation;

namespace Kaifan.Bench.Simulation;

/// <summary>
/// The instance's metre grid laid flat around a centre point: the grid's middle sits on the centre, x runs east and
/// y north. Equirectangular is exact enough at city scale (well under 0.1% over 15 km).
/// </summary>
internal sealed class GridMap(Point middle, double centreLat, double centreLon)
{
    private const double MetresPerDegree = 111_320;
    private readonly double metresPerDegreeLon = MetresPerDegree * Math.Cos(centreLat * Math.PI / 180);

    public double CentreLat => centreLat;

    public double CentreLon => centreLon;

    public static GridMap Around(IEnumerable<Point> points, double centreLat, double centreLon)
    {
        var all = points.ToList();
        var middle = new Point((all.Min(p => p.X) + all.Max(p => p.X)) / 2, (all.Min(p => p.Y) + all.Max(p => p.Y)) / 2);
        return new GridMap(middle, centreLat, centreLon);
    }

    public (double Lat, double Lon) ToLatLon(Point p) =>
        (centreLat + (p.Y - middle.Y) / MetresPerDegree, centreLon + (p.X - middle.X) / metresPerDegreeLon);

    public Point ToGrid(double lat, double lon) =>
        new(middle.X + (lon - centreLon) * metresPerDegreeLon, middle.Y + (lat - centreLat) * MetresPerDegree);

    public static double Distance(Point a, Point b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
