namespace Kaifan.Dispatch.Riders;

/// <summary>What going online and the pings refuse alike, in the same words.</summary>
internal static class RiderPositionRules
{
    public const string LatitudeMissing = "请填写纬度 (latitude is required)";
    public const string LongitudeMissing = "请填写经度 (longitude is required)";
    public const string LatitudeInvalid = "纬度无效 (latitude must be -90..90)";
    public const string LongitudeInvalid = "经度无效 (longitude must be -180..180)";
    public const string NullIsland = "位置无效：0,0 不是真实位置 (0,0 is what an unset position reads as, not a place)";

    /// <summary>0,0 lies in the Gulf of Guinea: it is a position nobody set, never one a rider stands at.</summary>
    public static bool IsNullIsland(double? latitude, double? longitude) => latitude == 0 && longitude == 0;
}
