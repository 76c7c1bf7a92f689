using System.Globalization;
using Kaifan.Web.Api;

namespace Kaifan.Web.Components.Customer;

/// <summary>
/// Turns positions into the order map's pixels: a box around the shop and the drop-off, at least a few hundred metres
/// wide so a rider around either shows, shaped like the drawing so a kilometre east is as long as one north.
/// order-live.js repeats <see cref="Project"/> from the box the map carries in its data-* attributes.
/// </summary>
public sealed record MapProjection(double MinLat, double MaxLat, double MinLon, double MaxLon, double Width, double Height)
{
    /// <summary>About 1 km, in degrees of latitude.</summary>
    private const double MinimumSpan = 0.009;
    private const double Margin = 2.2;

    /// <summary>A marker's radius: a position off the map is drawn whole, just inside its edge.</summary>
    public const double Inset = 12;

    public static MapProjection Fit(IReadOnlyCollection<GeoPlace> places, double width, double height)
    {
        var minLat = places.Min(p => p.Latitude);
        var maxLat = places.Max(p => p.Latitude);
        var minLon = places.Min(p => p.Longitude);
        var maxLon = places.Max(p => p.Longitude);
        var centreLat = (minLat + maxLat) / 2;
        var centreLon = (minLon + maxLon) / 2;

        // A degree of longitude shrinks with the cosine of the latitude.
        var lonScale = Math.Cos(centreLat * Math.PI / 180);
        var spanLat = Math.Max((maxLat - minLat) * Margin, MinimumSpan);
        var spanEast = Math.Max((maxLon - minLon) * lonScale * Margin, MinimumSpan);
        if (spanEast / spanLat < width / height)
        {
            spanEast = spanLat * width / height;
        }
        else
        {
            spanLat = spanEast * height / width;
        }

        var spanLon = spanEast / lonScale;
        return new MapProjection(centreLat - spanLat / 2, centreLat + spanLat / 2, centreLon - spanLon / 2, centreLon + spanLon / 2, width, height);
    }

    /// <summary>North up; a position off the map sits just inside its edge rather than vanishing.</summary>
    public (double X, double Y) Project(double latitude, double longitude)
    {
        var x = (longitude - MinLon) / (MaxLon - MinLon) * Width;
        var y = (MaxLat - latitude) / (MaxLat - MinLat) * Height;
        return (Math.Clamp(x, Inset, Width - Inset), Math.Clamp(y, Inset, Height - Inset));
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
