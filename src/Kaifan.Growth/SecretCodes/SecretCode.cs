using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.SecretCodes;

/// <summary>
/// 口令红包: a word the operator spreads (posters, group chats); whoever types it in while it runs gets a coupon, once,
/// until the budget of claims is spent. Claimed only rises through a conditional update, so parallel claims never
/// pass the budget.
/// </summary>
internal sealed class SecretCode
{
    public Guid Id { get; init; }

    /// <summary>As the operator typed it; <see cref="Key"/> is what claims match.</summary>
    public required string Code { get; init; }
    public required string Key { get; init; }
    public long AmountFen { get; init; }
    public long MinSpendFen { get; init; }
    public int Budget { get; init; }
    public int Claimed { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public int CouponDays { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Full-width letters and digits, case and surrounding spaces do not matter: 「ＫＡＩＦＡＮ 」 is "kaifan".</summary>
    public static string KeyOf(string code) => code.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();

    public string Reason => $"口令红包「{Code}」";
}

internal sealed class SecretCodeClaim
{
    /// <summary>Also the id of the coupon it granted.</summary>
    public Guid Id { get; init; }
    public Guid SecretCodeId { get; init; }
    public Guid CustomerId { get; init; }
    public DateTimeOffset ClaimedAt { get; init; }
}

internal sealed class SecretCodeConfiguration : IEntityTypeConfiguration<SecretCode>
{
    public void Configure(EntityTypeBuilder<SecretCode> code)
    {
        code.ToTable("growth_secret_codes");
        code.HasKey(c => c.Id);
        code.Property(c => c.Id).ValueGeneratedNever();
        code.Property(c => c.Code).HasMaxLength(SecretCodeRules.MaxLength);
        code.Property(c => c.Key).HasMaxLength(SecretCodeRules.MaxLength * 2);
        code.HasIndex(c => c.Key).IsUnique();
    }
}

internal sealed class SecretCodeClaimConfiguration : IEntityTypeConfiguration<SecretCodeClaim>
{
    public void Configure(EntityTypeBuilder<SecretCodeClaim> claim)
    {
        claim.ToTable("growth_secret_code_claims");
        claim.HasKey(c => c.Id);
        claim.Property(c => c.Id).ValueGeneratedNever();
        claim.HasIndex(c => new { c.SecretCodeId, c.CustomerId }).IsUnique();
        claim.HasIndex(c => c.CustomerId);
    }
}

internal static class SecretCodeRules
{
    public const int MinLength = 2;
    public const int MaxLength = 20;
    public const string Field = "code";
}
