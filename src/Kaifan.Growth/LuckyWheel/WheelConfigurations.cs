using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Growth.LuckyWheel;

internal sealed class WheelConfiguration : IEntityTypeConfiguration<Wheel>
{
    public void Configure(EntityTypeBuilder<Wheel> wheel)
    {
        wheel.ToTable("growth_wheels");
        wheel.HasKey(w => w.Id);
        wheel.Property(w => w.Id).ValueGeneratedNever();
        wheel.Property(w => w.Name).HasMaxLength(WheelRules.NameLength);
        wheel.HasMany(w => w.Prizes).WithOne().HasForeignKey(p => p.WheelId);
        wheel.Navigation(w => w.Prizes).AutoInclude();
    }
}

internal sealed class WheelPrizeConfiguration : IEntityTypeConfiguration<WheelPrize>
{
    public void Configure(EntityTypeBuilder<WheelPrize> prize)
    {
        prize.ToTable("growth_wheel_prizes");
        prize.HasKey(p => p.Id);
        prize.Property(p => p.Id).ValueGeneratedNever();
        prize.HasIndex(p => new { p.WheelId, p.Segment }).IsUnique();
    }
}

internal sealed class WheelDayConfiguration : IEntityTypeConfiguration<WheelDay>
{
    public void Configure(EntityTypeBuilder<WheelDay> day)
    {
        day.ToTable("growth_wheel_days");
        day.HasKey(d => new { d.WheelId, d.CustomerId, d.Day });
        day.HasIndex(d => d.CustomerId);
    }
}

internal sealed class WheelSpinConfiguration : IEntityTypeConfiguration<WheelSpin>
{
    public void Configure(EntityTypeBuilder<WheelSpin> spin)
    {
        spin.ToTable("growth_wheel_spins");
        spin.HasKey(s => s.Id);
        spin.Property(s => s.Id).ValueGeneratedNever();
        spin.HasIndex(s => new { s.WheelId, s.CustomerId, s.SpunAt });
        spin.HasIndex(s => s.CustomerId);
    }
}

internal sealed class WheelShareConfiguration : IEntityTypeConfiguration<WheelShare>
{
    public void Configure(EntityTypeBuilder<WheelShare> share)
    {
        share.ToTable("growth_wheel_shares");
        share.HasKey(s => new { s.WheelId, s.SharerId, s.FriendId, s.Day });
        share.HasIndex(s => s.SharerId);
        share.HasIndex(s => s.FriendId);
    }
}

internal sealed class WheelShareCodeConfiguration : IEntityTypeConfiguration<WheelShareCode>
{
    public void Configure(EntityTypeBuilder<WheelShareCode> code)
    {
        code.ToTable("growth_wheel_share_codes");
        code.HasKey(c => c.CustomerId);
        code.Property(c => c.CustomerId).ValueGeneratedNever();
        code.Property(c => c.Code).HasMaxLength(WheelRules.ShareCodeLength);
        code.HasIndex(c => c.Code).IsUnique();
    }
}
