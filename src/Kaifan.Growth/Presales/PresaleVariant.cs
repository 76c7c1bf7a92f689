using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Growth.Presales;

/// <summary>
/// The one variant of a dish a chain sells: the options the shop fixed (大份, 微辣), checked against today's menu by the
/// checkout's own rules for a cart line (OptionChoice), so every order of the chain can carry exactly these options. Name: 牛肉炒拉面（大份·微辣）, in menu order.
/// </summary>
internal sealed record PresaleVariant(string Name, IReadOnlyList<Guid> OptionIds, long ListPriceFen)
{
    public const string Field = "optionIds";

    public static (PresaleVariant? Variant, IResult? Error) Of(ItemQuote item, IReadOnlyList<Guid>? optionIds)
    {
        var choice = OptionChoice.Of(item, optionIds ?? []);
        var problem = choice.Problem switch
        {
            OptionChoiceProblem.NotOffered => $"「{item.Name}」没有所选规格 (an option is not the dish's)",
            OptionChoiceProblem.Repeated => "规格不能重复选择 (an option is chosen twice)",
            OptionChoiceProblem.Unanswered => $"请选择「{choice.Group!.Name}」 (the required group {choice.Group.Name} is not answered)",
            OptionChoiceProblem.TooMany =>
                $"「{choice.Group!.Name}」最多选{OptionChoice.MaxChoices(choice.Group)}项 (at most {OptionChoice.MaxChoices(choice.Group)} in {choice.Group.Name})",
            _ => null,
        };
        if (problem is not null)
        {
            return (null, Problems.Unprocessable(problem, Field));
        }

        var picked = choice.Options;
        var name = picked.Count == 0 ? item.Name : $"{item.Name}（{string.Join('·', picked.Select(o => o.Name))}）";
        if (name.Length > PresaleRules.ItemNameLength)
        {
            return (null, Problems.Unprocessable($"菜品名与规格最多{PresaleRules.ItemNameLength}字 (the name with its options is too long)", Field));
        }

        return (new PresaleVariant(name, picked.Select(o => o.Id).ToList(), item.PriceFen + picked.Sum(o => o.PriceDeltaFen)), null);
    }
}
