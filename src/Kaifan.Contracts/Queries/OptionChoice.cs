namespace Kaifan.Contracts.Queries;

/// <summary>Why a choice of options does not fit a dish.</summary>
public enum OptionChoiceProblem
{
    /// <summary>An option the dish does not (or no longer) offer.</summary>
    NotOffered,
    Repeated,

    /// <summary>A required group left without a choice.</summary>
    Unanswered,
    TooMany,
}

/// <summary>
/// The options chosen for one dish, in menu order, or the first rule the choice breaks and the group it concerns. The
/// checkout prices a cart line by these rules and a 预售接龙's fixed variant follows the same ones, so one place says them.
/// </summary>
public sealed record OptionChoice(IReadOnlyList<OptionQuote> Options, OptionChoiceProblem? Problem = null, OptionGroupQuote? Group = null)
{
    public static OptionChoice Of(ItemQuote item, IReadOnlyList<Guid> optionIds)
    {
        var offered = item.OptionGroups.SelectMany(g => g.Options).Select(o => o.Id).ToHashSet();
        if (!optionIds.All(offered.Contains))
        {
            return new([], OptionChoiceProblem.NotOffered);
        }

        if (optionIds.Distinct().Count() != optionIds.Count)
        {
            return new([], OptionChoiceProblem.Repeated);
        }

        var picked = new List<OptionQuote>();
        foreach (var group in item.OptionGroups)
        {
            var inGroup = group.Options.Where(o => optionIds.Contains(o.Id)).ToList();
            if (group.Required && inGroup.Count == 0)
            {
                return new([], OptionChoiceProblem.Unanswered, group);
            }

            if (inGroup.Count > MaxChoices(group))
            {
                return new([], OptionChoiceProblem.TooMany, group);
            }

            picked.AddRange(inGroup);
        }

        return new(picked);
    }

    /// <summary>The catalog keeps it at least 1; a group of one choice is the usual 规格.</summary>
    public static int MaxChoices(OptionGroupQuote group) => Math.Max(1, group.MaxChoices);
}
