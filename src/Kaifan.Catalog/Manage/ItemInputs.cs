using FluentValidation;
using Kaifan.Catalog.Model;

namespace Kaifan.Catalog.Manage;

/// <summary>An option group as the console sends it; an Id of an existing group or option keeps it (and carts that point at it).</summary>
internal sealed record OptionGroupInput(Guid? Id, string Name, bool Required, int MaxChoices, IReadOnlyList<OptionInput>? Options);

internal sealed record OptionInput(Guid? Id, string Name, long PriceDeltaFen, int CaloriesDelta);

internal static class ItemRules
{
    public const long MaxPriceFen = 1_000_000;
    public const int MaxCalories = 10_000;
    public const int MaxStock = 1_000_000;

    // The console edits yuan, so the message names the range in yuan rather than FluentValidation's default in fen.
    public const string PriceMessage = "价格须在 ¥0 到 ¥10000 之间 (the price must be between ¥0 and ¥10000)";
    public const string StockMessage = "库存须为 0 到 1000000 的整数，不填为不限量 (stock must be a whole number from 0 to 1000000; empty is unlimited)";

    public static void ApplyOptionGroups(Item item, IReadOnlyList<OptionGroupInput>? inputs)
    {
        inputs ??= [];
        var keptGroups = new List<OptionGroup>();
        for (var g = 0; g < inputs.Count; g++)
        {
            var input = inputs[g];
            var group = item.OptionGroups.FirstOrDefault(x => input.Id is { } id && x.Id == id)
                ?? new OptionGroup { Id = Guid.CreateVersion7(), ItemId = item.Id };
            group.Name = input.Name.Trim();
            group.Required = input.Required;
            group.MaxChoices = input.MaxChoices;
            group.Sort = g;

            var keptOptions = new List<Option>();
            var options = input.Options ?? [];
            for (var o = 0; o < options.Count; o++)
            {
                var optionInput = options[o];
                var option = group.Options.FirstOrDefault(x => optionInput.Id is { } id && x.Id == id)
                    ?? new Option { Id = Guid.CreateVersion7(), GroupId = group.Id };
                option.Name = optionInput.Name.Trim();
                option.PriceDeltaFen = optionInput.PriceDeltaFen;
                option.CaloriesDelta = optionInput.CaloriesDelta;
                option.Sort = o;
                keptOptions.Add(option);
            }

            group.Options.RemoveAll(x => !keptOptions.Contains(x));
            group.Options.AddRange(keptOptions.Where(x => !group.Options.Contains(x)));
            keptGroups.Add(group);
        }

        item.OptionGroups.RemoveAll(x => !keptGroups.Contains(x));
        item.OptionGroups.AddRange(keptGroups.Where(x => !item.OptionGroups.Contains(x)));
    }
}

internal sealed class OptionGroupInputValidator : AbstractValidator<OptionGroupInput>
{
    public OptionGroupInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Options).NotEmpty().WithMessage("至少需要一个选项 (at least one option)");
        RuleFor(x => x.Options).Must(o => o is null || o.Count <= 20).WithMessage("选项最多 20 个 (at most 20 options)");
        RuleFor(x => x.MaxChoices)
            .GreaterThanOrEqualTo(1)
            .Must((group, max) => max <= Math.Max(1, group.Options is null ? 1 : group.Options.Count))
            .WithMessage("可选数量须在 1 到选项数之间 (maxChoices must be between 1 and the number of options)");
        RuleForEach(x => x.Options).NotNull().ChildRules(o =>
        {
            o.RuleFor(x => x.Name).NotEmpty().MaximumLength(20);
            o.RuleFor(x => x.PriceDeltaFen).InclusiveBetween(0, ItemRules.MaxPriceFen);
            o.RuleFor(x => x.CaloriesDelta).InclusiveBetween(-ItemRules.MaxCalories, ItemRules.MaxCalories);
        });
    }
}
