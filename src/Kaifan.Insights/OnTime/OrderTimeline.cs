using Kaifan.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Insights.OnTime;

/// <summary>
/// One order's steps as the events told them, in whatever order they came: each handler fills only its own columns,
/// first value wins, so a repeated or late event changes nothing. Once delivered against a promise, the verdict
/// (late minutes and cause) is kept alongside so reports and alerts are plain queries.
/// </summary>
internal sealed class OrderTimeline
{
    public Guid OrderId { get; init; }
    public Guid? ZoneId { get; set; }
    public Guid? MerchantId { get; set; }
    public Guid? RiderId { get; set; }
    public string? ServiceTier { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public int? StatedPrepMinutes { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }
    public DateTimeOffset? RiderAssignedAt { get; set; }
    public DateTimeOffset? ArrivedAtMerchantAt { get; set; }
    public DateTimeOffset? PickedUpAt { get; set; }
    public DateTimeOffset? ArrivedAtCustomerAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? DeliveryMethod { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? PromisedAt { get; set; }
    public double? PromisedPrepMinutes { get; set; }
    public string? PromisedPrepSource { get; set; }
    public double? PromisedToMerchantMinutes { get; set; }
    public double? PromisedPickupServiceMinutes { get; set; }
    public double? PromisedTravelMinutes { get; set; }
    public double? PromisedDropOffServiceMinutes { get; set; }

    /// <summary>Set once delivered against a promise: minutes after the promise (negative when early).</summary>
    public double? LateMinutes { get; set; }
    public bool? OnTime { get; set; }

    /// <summary>Only for late orders, and null until every step it needs has arrived (reports count it as unknown meanwhile).</summary>
    public string? Cause { get; set; }

    /// <summary>准时宝 kept: delivered no later than the window after the promise (the customer is owed nothing).</summary>
    public bool? GuaranteeKept => ServiceTier == ServiceTiers.Guaranteed && LateMinutes is { } late
        ? late <= ServiceTiers.GuaranteeWindow.TotalMinutes
        : null;

    /// <summary>On time, or late with its cause known.</summary>
    public bool IsVerdictComplete() => OnTime == true || (OnTime == false && Cause is not null);

    /// <summary>Fills in what the steps known so far allow; safe to call after every event.</summary>
    public void Assess(OnTimeSettings settings)
    {
        if (DeliveredAt is not { } delivered || PromisedAt is not { } promised)
        {
            return;
        }

        LateMinutes = Math.Round((delivered - promised).TotalMinutes, 2);
        OnTime = LateMinutes <= settings.GraceMinutes;
        Cause = OnTime.Value ? null : Facts() is { } facts ? LateCauses.Attribute(facts, settings.ToleranceMinutes).Cause : null;
    }

    public TimelineFacts? Facts() =>
        AcceptedAt is { } accepted && ReadyAt is { } ready && PickedUpAt is { } pickedUp && DeliveredAt is { } delivered
            ? new TimelineFacts(
                accepted,
                ready,
                pickedUp,
                ArrivedAtCustomerAt,
                delivered,
                PromisedPrepMinutes ?? StatedPrepMinutes ?? 0,
                PromisedToMerchantMinutes ?? 0,
                PromisedPickupServiceMinutes ?? 0,
                PromisedTravelMinutes ?? 0,
                PromisedDropOffServiceMinutes ?? 0)
            : null;
}

internal sealed class OrderTimelineConfiguration : IEntityTypeConfiguration<OrderTimeline>
{
    public void Configure(EntityTypeBuilder<OrderTimeline> timeline)
    {
        timeline.ToTable("insights_order_timelines");
        timeline.HasKey(t => t.OrderId);
        timeline.Property(t => t.OrderId).ValueGeneratedNever();
        timeline.Property(t => t.DeliveryMethod).HasMaxLength(16);
        timeline.Property(t => t.ServiceTier).HasMaxLength(16);
        timeline.Ignore(t => t.GuaranteeKept);
        timeline.Property(t => t.PromisedPrepSource).HasMaxLength(16);
        timeline.Property(t => t.Cause).HasMaxLength(16);
        timeline.HasIndex(t => new { t.ZoneId, t.DeliveredAt });
        timeline.HasIndex(t => new { t.MerchantId, t.AcceptedAt });
    }
}
