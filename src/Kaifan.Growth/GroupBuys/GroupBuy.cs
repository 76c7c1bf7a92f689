using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.GroupBuys;

internal enum GroupStatus
{
    Open,
    Formed,
    Failed,

    /// <summary>Everyone left (or let their unpaid order go) before it formed: not a failure of the group, it has nobody.</summary>
    Disbanded,
}

/// <summary>
/// One group of a deal: opened by its first order (团长), joined through the share link (团员). Taken counts seats held
/// by orders, paid or not, and only rises through a conditional update, so it never passes Size; Paid counts seats
/// paid for. Every change moves Version, so forming, failing and joining never overtake one another unseen.
/// </summary>
internal sealed class GroupBuy
{
    public Guid Id { get; init; }
    public Guid DealId { get; init; }
    public Guid MerchantId { get; init; }
    public int Size { get; init; }
    public int Taken { get; init; }
    public int Paid { get; private set; }
    public GroupStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? FormedAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public DateTimeOffset? DisbandedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>True when this payment filled the group.</summary>
    public bool CountPaid(DateTimeOffset at)
    {
        Paid++;
        Version++;
        if (Status != GroupStatus.Open || Paid < Size)
        {
            return false;
        }

        Status = GroupStatus.Formed;
        FormedAt = at;
        return true;
    }

    public bool Fail(DateTimeOffset at)
    {
        if (Status != GroupStatus.Open)
        {
            return false;
        }

        Status = GroupStatus.Failed;
        FailedAt = at;
        Version++;
        return true;
    }

    public bool Disband(DateTimeOffset at)
    {
        if (Status != GroupStatus.Open || Taken > 0)
        {
            return false;
        }

        Status = GroupStatus.Disbanded;
        DisbandedAt = at;
        Version++;
        return true;
    }
}

/// <summary>A seat in a group, held by one order (its id is the order's); PaidAt once the order is paid.</summary>
internal sealed class GroupMember
{
    public Guid OrderId { get; init; }
    public Guid GroupId { get; init; }
    public Guid CustomerId { get; init; }
    public bool IsLeader { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset? PaidAt { get; set; }
}

internal sealed class GroupBuyConfiguration : IEntityTypeConfiguration<GroupBuy>
{
    public void Configure(EntityTypeBuilder<GroupBuy> group)
    {
        group.ToTable("growth_groups");
        group.HasKey(g => g.Id);
        group.Property(g => g.Id).ValueGeneratedNever();
        group.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        group.Property(g => g.Version).IsConcurrencyToken();
        group.HasIndex(g => new { g.DealId, g.Status });
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> member)
    {
        member.ToTable("growth_group_members");
        member.HasKey(m => m.OrderId);
        member.Property(m => m.OrderId).ValueGeneratedNever();
        member.HasIndex(m => new { m.GroupId, m.CustomerId }).IsUnique();
    }
}
