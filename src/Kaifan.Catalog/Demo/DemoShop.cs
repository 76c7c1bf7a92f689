using Kaifan.BuildingBlocks;
using Kaifan.Catalog.Model;

namespace Kaifan.Catalog.Demo;

internal sealed record OptionSpec(string Name, long PriceDeltaFen = 0, int CaloriesDelta = 0);

internal sealed record GroupSpec(string Name, bool Required, int MaxChoices, OptionSpec[] Options);

internal sealed record Dish(string Name, string Description, long PriceFen, int Calories, int MonthlySales, GroupSpec[] Groups, int? Stock = null)
{
    public Item ToItem(DemoShop shop, Guid categoryId, int index)
    {
        var id = DemoMenu.ItemId(shop.Number, index);
        return new Item
        {
            Id = id,
            MerchantId = shop.Id,
            CategoryId = categoryId,
            Name = Name,
            Description = Description,
            PriceFen = PriceFen,
            Calories = Calories,
            Stock = Stock,
            IsListed = true,
            MonthlySales = MonthlySales,
            Sort = index,
            OptionGroups = Groups.Select((g, gi) =>
            {
                var groupId = DemoMenu.GroupId(id, gi);
                return new OptionGroup
                {
                    Id = groupId,
                    ItemId = id,
                    Name = g.Name,
                    Required = g.Required,
                    MaxChoices = g.MaxChoices,
                    Sort = gi,
                    Options = g.Options.Select((o, oi) => new Option
                    {
                        Id = DemoMenu.OptionId(groupId, oi),
                        GroupId = groupId,
                        Name = o.Name,
                        PriceDeltaFen = o.PriceDeltaFen,
                        CaloriesDelta = o.CaloriesDelta,
                        Sort = oi,
                    }).ToList(),
                };
            }).ToList(),
        };
    }
}

internal sealed record DemoShop(
    int Number,
    int Zone,
    string Name,
    string Emoji,
    string Announcement,
    double Lat,
    double Lon,
    long PackagingFeeFen,
    long MinimumOrderFen,
    double Rating,
    int MonthlySales,
    (string Open, string Close)[] Hours,
    (string Name, Dish[] Items)[] Categories)
{
    public Guid Id => DemoCampus.MerchantId(Number);

    public Merchant ToMerchant() => new()
    {
        Id = Id,
        ZoneId = DemoCampus.ZoneId(Zone),
        Name = Name,
        LogoEmoji = Emoji,
        Announcement = Announcement,
        Lat = Lat,
        Lon = Lon,
        PackagingFeeFen = PackagingFeeFen,
        MinimumOrderFen = MinimumOrderFen,
        Rating = Rating,
        PriorRating = Rating,
        MonthlySales = MonthlySales,
        OpeningSlots = Enum.GetValues<DayOfWeek>()
            .SelectMany(day => Hours.Select((h, i) => new OpeningSlot
            {
                Id = DemoMenu.SlotId(Number, day, i),
                MerchantId = Id,
                Day = day,
                Open = TimeOnly.Parse(h.Open, System.Globalization.CultureInfo.InvariantCulture),
                Close = TimeOnly.Parse(h.Close, System.Globalization.CultureInfo.InvariantCulture),
            }))
            .ToList(),
    };
}
