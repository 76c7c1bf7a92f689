using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Growth.Presales;

/// <summary>
/// The one variant of a dish a chain sells: the options the shop fixed (大份, 微辣), checked against today's menu as the
/// checkout checks a cart line (every required group answered, the choices the dish's own, no group over its maximum),
/// so every order of the chain can carry exactly these options. Name: 牛肉炒拉面（大份·微辣）, in menu order.
/// </summary>
internal sealed record PresaleVariant(string Name, IReadOnlyList<Guid> OptionIds, long ListPriceFen)
{
    public const string Field = "optionIds";

    public static (PresaleVariant? Variant, IResult? Error) Of(ItemQuote item, IReadOnlyList<Guid>? optionIds)
    {
        var chosen = (optionIds ?? []).ToHashSet();
        if (chosen.Count != (optionIds?.Count ?? 0))
        {
            return (null, Problems.Unprocessable("规格不能重复选择 (an option is chosen twice)", Field));
        }

        var known = item.OptionGroups.SelectMany(g => g.Options).Select(o => o.Id).ToHashSet();
        if (!chosen.IsSubsetOf(known))
        {
            return (null, Problems.Unprocessable($"「{item.Name}」没有所选规格 (an option is not the dish's)", Field));
        }

        var picked = new List<OptionQuote>();
        foreach (var group in item.OptionGroups)
        {
            var inGroup = group.Options.Where(o => chosen.Contains(o.Id)).ToList();
            if (group.Required && inGroup.Count == 0)
            {
                return (null, Problems.Unprocessable($"请选择「{group.Name}」 (the required group {group.Name} is not answered)", Field));
            }

            if (inGroup.Count > group.MaxChoices)
            {
                return (null, Problems.Unprocessable($"「{group.Name}」最多选{group.MaxChoices}项 (at most {group.MaxChoices} in {group.Name})", Field));
            }

            picked.AddRange(inGroup);
        }

        var name = picked.Count == 0 ? item.Name : $"{item.Name}（{string.Join('·', picked.Select(o => o.Name))}）";
        if (name.Length > PresaleRules.ItemNameLength)
        {
            return (null, Problems.Unprocessable($"菜品名与规格最多{PresaleRules.ItemNameLength}字 (the name with its options is too long)", Field));
        }

        return (new PresaleVariant(name, picked.Select(o => o.Id).ToList(), item.PriceFen + picked.Sum(o => o.PriceDeltaFen)), null);
    }
}
