using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.Communities;

/// <summary>
/// 社群: a dorm building's group, a club, a shop's fan group. The station runs some (MerchantId null), a merchant runs
/// its own shop's. Customers join by its code or share link; members get its 社群价 and 社群券. MemberCount moves only
/// with a membership row in the same transaction, so it is the number of rows.
/// </summary>
internal sealed class Community
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The join code, also the share link /m/community/{Code}.</summary>
    public required string Code { get; init; }

    /// <summary>The shop that runs it; null for the station's own.</summary>
    public Guid? MerchantId { get; init; }
    public string? MerchantName { get; init; }

    /// <summary>When set, only customers who keep a delivery address in this zone may join (a dorm zone's group).</summary>
    public Guid? ZoneId { get; init; }
    public int MemberCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOpen => ClosedAt is null;
}

internal sealed class CommunityMember
{
    public Guid Id { get; init; }
    public Guid CommunityId { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> community)
    {
        community.ToTable("growth_communities");
        community.HasKey(c => c.Id);
        community.Property(c => c.Id).ValueGeneratedNever();
        community.Property(c => c.Name).HasMaxLength(CommunityRules.NameLength);
        community.Property(c => c.Description).HasMaxLength(CommunityRules.DescriptionLength);
        community.Property(c => c.Code).HasMaxLength(CommunityRules.CodeLength);
        community.Property(c => c.MerchantName).HasMaxLength(100);
        community.HasIndex(c => c.Code).IsUnique();
        community.HasIndex(c => c.MerchantId);
    }
}

internal sealed class CommunityMemberConfiguration : IEntityTypeConfiguration<CommunityMember>
{
    public void Configure(EntityTypeBuilder<CommunityMember> member)
    {
        member.ToTable("growth_community_members");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).ValueGeneratedNever();
        member.HasIndex(m => new { m.CommunityId, m.CustomerId }).IsUnique();
        member.HasIndex(m => m.CustomerId);
    }
}

internal static class CommunityRules
{
    public const int NameLength = 30;
    public const int DescriptionLength = 200;
    public const int CodeLength = 8;
    public const string CodeField = "code";

    /// <summary>No 0/O or 1/I/L: codes are read aloud in group chats and typed on phones.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() =>
        string.Concat(Enumerable.Range(0, 6).Select(_ => Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)]));

    public static string KeyOf(string code) => code.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
}
