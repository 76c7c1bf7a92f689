using Kaifan.Growth.Bargains;

namespace Kaifan.Tests.Growth;

/// <summary>The 砍价 cut sequence: positive cuts, large first and small later, summing exactly to the floor at the last helper.</summary>
public sealed class CutSequenceTests
{
    [Theory]
    [InlineData(3, 1500L)]
    [InlineData(3, 3L)]
    [InlineData(10, 1300L)]
    [InlineData(30, 30L)]
    [InlineData(30, 2880L)]
    [InlineData(30, 99_900L)]
    public void the_cuts_are_positive_and_sum_exactly_to_the_whole_cut_at_the_last_helper(int helpersNeeded, long totalFen)
    {
        for (var run = 0; run < 50; run++)
        {
            var cuts = Sequence(Guid.NewGuid(), helpersNeeded, totalFen);

            cuts.Count.ShouldBe(helpersNeeded);
            cuts.ShouldAllBe(c => c > 0);
            cuts.Sum().ShouldBe(totalFen);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    public void early_cuts_are_large_and_later_ones_small(int helpersNeeded)
    {
        const long totalFen = 100_000;
        for (var run = 0; run < 50; run++)
        {
            var cuts = Sequence(Guid.NewGuid(), helpersNeeded, totalFen);

            cuts[0].ShouldBeGreaterThan(totalFen / helpersNeeded, "the first friend cuts more than an even share");
            var half = helpersNeeded / 2;
            cuts.Take(half).Sum().ShouldBeGreaterThan(cuts.Skip(helpersNeeded - half).Sum(), "the first half cuts more than the last half");
        }
    }

    [Fact]
    public void the_same_bargain_and_helpers_give_the_same_cuts_and_another_bargain_others()
    {
        var bargain = Guid.NewGuid();
        var helpers = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToList();

        Sequence(bargain, helpers, 5000).ShouldBe(Sequence(bargain, helpers, 5000));
        Sequence(Guid.NewGuid(), helpers, 5000).ShouldNotBe(Sequence(bargain, helpers, 5000));
        CutSequence.HelperLabel(bargain, helpers[0]).ShouldBe(CutSequence.HelperLabel(bargain, helpers[0]));
        CutSequence.HelperLabel(bargain, helpers[0]).ShouldMatch("^[A-Z]{2}$");
    }

    [Fact]
    public void too_little_left_for_every_helper_to_cut_a_fen_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CutSequence.Amount(Guid.NewGuid(), Guid.NewGuid(), 1, 5, 4));
        Should.Throw<ArgumentOutOfRangeException>(() => CutSequence.Amount(Guid.NewGuid(), Guid.NewGuid(), 6, 5, 100));
    }

    private static List<long> Sequence(Guid bargain, int helpersNeeded, long totalFen) =>
        Sequence(bargain, Enumerable.Range(0, helpersNeeded).Select(_ => Guid.NewGuid()).ToList(), totalFen);

    private static List<long> Sequence(Guid bargain, List<Guid> helpers, long totalFen)
    {
        var cuts = new List<long>();
        var remaining = totalFen;
        for (var i = 0; i < helpers.Count; i++)
        {
            var cut = CutSequence.Amount(bargain, helpers[i], i + 1, helpers.Count, remaining);
            cuts.Add(cut);
            remaining -= cut;
        }

        return cuts;
    }
}
