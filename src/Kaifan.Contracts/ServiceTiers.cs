namespace Kaifan.Contracts;

/// <summary>The service tiers' names as events carry them, and the window 准时宝 promises, which Insights measures too.</summary>
public static class ServiceTiers
{
    public const string Standard = "standard";
    public const string Guaranteed = "guaranteed";
    public const string Batch = "batch";

    /// <summary>准时宝 is kept when delivered no later than this after the promised time.</summary>
    public static readonly TimeSpan GuaranteeWindow = TimeSpan.FromMinutes(3);
}
