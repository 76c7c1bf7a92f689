using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Catalog.Model;

internal sealed class Category
{
    public Guid Id { get; set; }

    public Guid MerchantId { get; set; }

    public string Name { get; set; } = "";

    public int Sort { get; set; }
}

internal sealed class Item
{
    public Guid Id { get; set; }

    public Guid MerchantId { get; set; }

    public Guid CategoryId { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public long PriceFen { get; set; }

    public int Calories { get; set; }

    /// <summary>Null means unlimited; only ever changed by atomic conditional updates.</summary>
    public int? Stock { get; set; }

    /// <summary>上架 (true) / 下架 (false).</summary>
    public bool IsListed { get; set; } = true;

    public int MonthlySales { get; set; }

    public int Sort { get; set; }

    public List<OptionGroup> OptionGroups { get; set; } = [];
}

internal sealed class OptionGroup
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    public string Name { get; set; } = "";

    public bool Required { get; set; }

    public int MaxChoices { get; set; } = 1;

    public int Sort { get; set; }

    public List<Option> Options { get; set; } = [];
}

internal sealed class Option
{
    public Guid Id { get; set; }

    public Guid GroupId { get; set; }

    public string Name { get; set; } = "";

    public long PriceDeltaFen { get; set; }

    public int CaloriesDelta { get; set; }

    public int Sort { get; set; }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("catalog_categories");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(20);
        b.HasIndex(c => c.MerchantId);
    }
}

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> b)
    {
        b.ToTable("catalog_items");
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Name).HasMaxLength(40);
        b.Property(i => i.Description).HasMaxLength(200);
        b.HasIndex(i => i.MerchantId);
        b.HasOne<Category>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.OptionGroups).WithOne().HasForeignKey(g => g.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OptionGroupConfiguration : IEntityTypeConfiguration<OptionGroup>
{
    public void Configure(EntityTypeBuilder<OptionGroup> b)
    {
        b.ToTable("catalog_option_groups");
        b.Property(g => g.Id).ValueGeneratedNever();
        b.Property(g => g.Name).HasMaxLength(20);
        b.HasMany(g => g.Options).WithOne().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OptionConfiguration : IEntityTypeConfiguration<Option>
{
    public void Configure(EntityTypeBuilder<Option> b)
    {
        b.ToTable("catalog_options");
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Name).HasMaxLength(20);
    }
}
