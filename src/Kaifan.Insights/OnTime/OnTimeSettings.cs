using Microsoft.Extensions.Configuration;

namespace Kaifan.Insights.OnTime;

/// <summary>
/// Kaifan:Insights:OnTime: when an order counts as on time, when a stage counts as overrun, when a zone alerts,
/// and how prep times are learned. Public only because Wolverine's generated handler code names it.
/// </summary>
public sealed class OnTimeSettings
{
    /// <summary>Delivered up to this many minutes after the promise still counts as on time.</summary>
    public double GraceMinutes { get; init; }

    /// <summary>A stage must overrun its plan by more than this to be blamed.</summary>
    public double ToleranceMinutes { get; init; } = 2;

    public double AlertThreshold { get; init; } = 0.85;

    public int AlertWindowMinutes { get; init; } = 60;

    /// <summary>Fewer delivered orders in the window than this say nothing about a zone.</summary>
    public int AlertMinDelivered { get; init; } = 10;

    /// <summary>A zone is flagged for dispatch when travel is the top cause among at least this many late orders.</summary>
    public int TravelFlagMinLate { get; init; } = 3;

    /// <summary>Prep history looked at: the last N weeks.</summary>
    public int PrepLearningWeeks { get; init; } = 4;

    /// <summary>Samples needed at an hour of day (else across all hours) before the learned time replaces the stated one.</summary>
    public int PrepMinSamples { get; init; } = 5;

    /// <summary>How long a merchant's learned times are reused before they are recomputed.</summary>
    public int PrepCacheMinutes { get; init; } = 10;

    public static OnTimeSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = new OnTimeSettings();
        configuration.GetSection("Kaifan:Insights:OnTime").Bind(settings);
        return settings;
    }
}
