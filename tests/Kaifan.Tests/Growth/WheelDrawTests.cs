using Kaifan.Growth.LuckyWheel;

namespace Kaifan.Tests.Growth;

/// <summary>The lucky wheel's draw: each prize as likely as its weight, and one sold out is never drawn.</summary>
public sealed class WheelDrawTests
{
    private static readonly WheelPrize[] Prizes =
    [
        new() { Segment = 0, AmountFen = 300, Weight = 2, Stock = 5, Won = 0 },
        new() { Segment = 1, AmountFen = 0, Weight = 3, Stock = null, Won = 40 },
        new() { Segment = 2, AmountFen = 1000, Weight = 50, Stock = 2, Won = 2 },
        new() { Segment = 3, AmountFen = 500, Weight = 5, Stock = 9, Won = 8 },
    ];

    [Fact]
    public void every_ticket_of_the_total_weight_lands_on_the_prize_that_owns_it_and_a_sold_out_prize_owns_none()
    {
        // The prizes in stock weigh 2 + 3 + 5 = 10: tickets 0–1 are segment 0, 2–4 segment 1, 5–9 segment 3.
        var tickets = new TicketByTicket();
        var drawn = Enumerable.Range(0, 10).Select(_ => WheelDraw.Draw(Prizes, tickets)!.Segment).ToList();

        drawn.ShouldBe([0, 0, 1, 1, 1, 3, 3, 3, 3, 3]);
        tickets.Totals.ShouldAllBe(t => t == 10, "the sold-out prize's weight is not in the draw");
    }

    [Fact]
    public void a_seeded_draw_follows_the_weights_of_the_prizes_in_stock()
    {
        var random = new SeededWheelRandom(20261129);
        var counts = new int[Prizes.Length];
        for (var i = 0; i < 10_000; i++)
        {
            counts[WheelDraw.Draw(Prizes, random)!.Segment]++;
        }

        counts[2].ShouldBe(0);
        counts[0].ShouldBeInRange(1800, 2200);
        counts[1].ShouldBeInRange(2700, 3300);
        counts[3].ShouldBeInRange(4600, 5400);
    }

    [Fact]
    public void nothing_is_drawn_when_every_prize_is_sold_out()
    {
        WheelPrize[] soldOut = [new() { Segment = 0, AmountFen = 300, Weight = 1, Stock = 1, Won = 1 }];

        WheelDraw.Draw(soldOut, new TicketByTicket()).ShouldBeNull();
    }

    /// <summary>Hands out tickets 0, 1, 2 … in turn and notes the total each draw asked for.</summary>
    private sealed class TicketByTicket : IWheelRandom
    {
        private int next;

        public List<int> Totals { get; } = [];

        public int Next(int maxExclusive)
        {
            Totals.Add(maxExclusive);
            return next++ % maxExclusive;
        }
    }

    private sealed class SeededWheelRandom(int seed) : IWheelRandom
    {
        private readonly Random random = new(seed);

        public int Next(int maxExclusive) => random.Next(maxExclusive);
    }
}
