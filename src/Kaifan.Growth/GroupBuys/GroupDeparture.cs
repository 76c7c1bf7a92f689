using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.GroupBuys;

internal enum DepartureKind
{
    /// <summary>退出拼团: a paid member left and was refunded.</summary>
    Left,

    /// <summary>The unpaid order was cancelled (by its customer or its payment deadline), which freed the seat.</summary>
    OrderCancelled,
}

/// <summary>
/// A seat given up before the group formed, kept for the customer's own history (their data export) once the seat
/// itself is gone: GroupMember rows are the seats held now, which everything counting a group reads.
/// </summary>
internal sealed class GroupDeparture
{
    public Guid OrderId { get; init; }
    public Guid GroupId { get; init; }
    public Guid CustomerId { get; init; }
    public bool WasLeader { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset LeftAt { get; init; }
    public DepartureKind Kind { get; init; }

    public static GroupDeparture Of(GroupMember seat, DepartureKind kind, DateTimeOffset at) => new()
    {
        OrderId = seat.OrderId, GroupId = seat.GroupId, CustomerId = seat.CustomerId, WasLeader = seat.IsLeader, JoinedAt = seat.JoinedAt,
        PaidAt = seat.PaidAt, LeftAt = at, Kind = kind,
    };
}

internal sealed class GroupDepartureConfiguration : IEntityTypeConfiguration<GroupDeparture>
{
    public void Configure(EntityTypeBuilder<GroupDeparture> departure)
    {
        departure.ToTable("growth_group_departures");
        departure.HasKey(d => d.OrderId);
        departure.Property(d => d.OrderId).ValueGeneratedNever();
        departure.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        departure.HasIndex(d => d.CustomerId);
    }
}
