using System.Net;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch;
using Kaifan.Insights;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Insights;

/// <summary>The noodle shop states 10 minutes and takes 25, three times: enough for PrepLearningApp to learn it.</summary>
public static class SlowKitchen
{
    /// <param name="accepted">Orders of the shop already accepted (by customers 1, 2, … in turn) that count among the three.</param>
    public static async Task LearnedAsync(KaifanApp app, params Guid[] accepted)
    {
        var history = accepted.ToList();
        for (var customer = history.Count + 1; customer <= 3; customer++)
        {
            history.Add(await app.AcceptedOrderAsync(customer));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        foreach (var id in history)
        {
            (await app.Staff().PostAsync($"/api/merchant/orders/{id}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
                return await db.Timelines.CountAsync(t => history.Contains(t.OrderId) && t.ReadyAt != null && t.AcceptedAt != null) == history.Count;
            },
            "Insights has the three orders' ready times");

        // Past the one-minute cache, so the next question recomputes.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
    }

    public static int ShanghaiHour(KaifanApp app) => app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Hour;
}

public abstract class PrepTimesApiTests(PrepLearningApp app)
{
    private static readonly string Path = $"/api/merchants/{DemoCampus.MerchantId(1)}/prep-times";

    [Fact]
    public async Task the_shop_and_operators_see_its_learned_minutes_per_hour_beside_the_stated_ones_and_nobody_else_does()
    {
        var before = await HourAsync(app.Staff());
        before["samples"]!.GetValue<int>().ShouldBe(0);
        before["learnedMinutes"].ShouldBeNull();

        await SlowKitchen.LearnedAsync(app);

        foreach (var reader in new[] { app.Staff(), app.Client(TestTokens.Operator()) })
        {
            var now = await HourAsync(reader);
            now["samples"]!.GetValue<int>().ShouldBe(3);
            now["statedMinutes"]!.GetValue<double>().ShouldBe(10);
            now["learnedMinutes"]!.GetValue<double>().ShouldBe(25);
        }

        (await app.Staff(merchant: 2).GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(TestTokens.Customer(1)).GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client(TestTokens.Rider(1)).GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Client().GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(TestTokens.Operator()).GetAsync($"/api/merchants/{Guid.NewGuid()}/prep-times")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The row of the current Shanghai hour, which the answer names as currentHour.</summary>
    private async Task<JsonNode> HourAsync(HttpClient reader)
    {
        var response = await reader.GetAsync(Path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonOf(response);
        var hour = SlowKitchen.ShanghaiHour(app);
        body["currentHour"]!.GetValue<int>().ShouldBe(hour);
        body["hours"]!.AsArray().Count.ShouldBe(24);
        return body["hours"]!.AsArray().Single(h => h!["hour"]!.GetValue<int>() == hour)!;
    }
}

public sealed class PrepTimesApiOnSqlite(PrepLearningSqliteApp app) : PrepTimesApiTests(app), IClassFixture<PrepLearningSqliteApp>;

public sealed class PrepTimesApiOnPostgres(PrepLearningPostgresApp app) : PrepTimesApiTests(app), IClassFixture<PrepLearningPostgresApp>;

public abstract class LearnedPrepDispatchTests(PrepLearningApp app)
{
    [Fact]
    public async Task dispatch_plans_the_pickup_of_a_slow_shop_on_its_learned_25_minutes_not_the_stated_10()
    {
        var stated = await app.AcceptedOrderAsync(customer: 4);
        (await ReadyEstimateAfterAcceptanceAsync(stated, customer: 4)).ShouldBe(TimeSpan.FromMinutes(10));

        await SlowKitchen.LearnedAsync(app);

        var learned = await app.AcceptedOrderAsync(customer: 5);
        (await ReadyEstimateAfterAcceptanceAsync(learned, customer: 5)).ShouldBe(TimeSpan.FromMinutes(25));
    }

    private async Task<TimeSpan> ReadyEstimateAfterAcceptanceAsync(Guid orderId, int customer)
    {
        TimeSpan? planned = null;
        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var job = await scope.ServiceProvider.GetRequiredService<DispatchDb>().Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.OrderId == orderId);
                var order = await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}"));
                if (job is null)
                {
                    return false;
                }

                planned = job.ReadyEstimate - order["acceptedAt"]!.GetValue<DateTimeOffset>();
                return true;
            },
            "dispatch has the order's job");
        return planned!.Value;
    }
}

public sealed class LearnedPrepDispatchOnSqlite(PrepLearningSqliteApp app) : LearnedPrepDispatchTests(app), IClassFixture<PrepLearningSqliteApp>;

public sealed class LearnedPrepDispatchOnPostgres(PrepLearningPostgresApp app) : LearnedPrepDispatchTests(app), IClassFixture<PrepLearningPostgresApp>;
