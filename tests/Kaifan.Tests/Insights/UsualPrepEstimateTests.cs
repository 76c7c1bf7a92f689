using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Insights;

/// <summary>
/// Before an order exists nobody states a prep time, so the shop card's minutes and checkout's 预计送达 plan on the
/// minutes the shop's kitchen usually takes at this hour — a typical kitchen's 15 while its history is short — and so
/// does the order page's live ETA until the shop accepts and states its own.
/// </summary>
public abstract class UsualPrepEstimateTests(PrepLearningApp app)
{
    private static readonly string Merchants = $"/api/zones/{DemoCampus.ZoneId(1)}/merchants";

    [Fact]
    public async Task a_shop_whose_kitchen_takes_25_minutes_is_shown_and_quoted_10_minutes_later_than_a_typical_kitchen()
    {
        var customer = app.Client(TestTokens.Customer(5));
        var cardBefore = await MinutesAsync(customer);
        var quoteBefore = await QuotedWaitAsync(customer);

        await SlowKitchen.LearnedAsync(app);

        (await MinutesAsync(customer)).ShouldBe(cardBefore + 10, "the card plans on the kitchen's usual 25 minutes instead of 15");
        (await QuotedWaitAsync(customer)).ShouldBe(quoteBefore + TimeSpan.FromMinutes(10), "checkout quotes what the card showed");

        // Paid but not yet accepted, the order page's live ETA plans on the same 25 minutes.
        var order = await PlacedAsync(customer, BeefRiceAndTea(5));
        await app.PayAsync(order);
        var eta = await JsonOf(await customer.GetAsync($"/api/orders/{IdOf(order)}/eta"));
        eta["basis"]!["prepSource"]!.GetValue<string>().ShouldBe("learned");
        eta["basis"]!["prepRemaining"]!.GetValue<double>().ShouldBe(25);
    }

    [Fact]
    public async Task fastest_delivery_lists_the_open_shops_by_their_minutes()
    {
        var cards = (await JsonOf(await app.Client().GetAsync($"{Merchants}?sort=speed"))).AsArray();

        var open = cards.Where(c => c!["isOpenNow"]!.GetValue<bool>()).Select(c => c!["deliveryMinutes"]!.GetValue<int>()).ToList();
        open.ShouldNotBeEmpty();
        open.ShouldBe(open.Order().ToList());
        // A typical kitchen's 15 minutes and the two handovers come before any ride.
        cards.ShouldAllBe(c => c!["deliveryMinutes"]!.GetValue<int>() >= 19);
    }

    private async Task<int> MinutesAsync(HttpClient customer)
    {
        var cards = (await JsonOf(await customer.GetAsync(Merchants))).AsArray();
        return cards.Single(c => c!["id"]!.GetValue<Guid>() == Shop)!["deliveryMinutes"]!.GetValue<int>();
    }

    /// <summary>From pricing to 预计送达; the ride is the same both times, so only the kitchen's minutes move it.</summary>
    private async Task<TimeSpan> QuotedWaitAsync(HttpClient customer)
    {
        var quote = await JsonOf(await customer.PostAsJsonAsync("/api/carts/quote", BeefRiceAndTea(5)));
        return quote["estimatedArrivalAt"]!.GetValue<DateTimeOffset>() - app.Clock.GetUtcNow();
    }
}

public sealed class UsualPrepEstimateOnSqlite(PrepLearningSqliteApp app) : UsualPrepEstimateTests(app), IClassFixture<PrepLearningSqliteApp>;

public sealed class UsualPrepEstimateOnPostgres(PrepLearningPostgresApp app) : UsualPrepEstimateTests(app), IClassFixture<PrepLearningPostgresApp>;
