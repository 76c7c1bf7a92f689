using System.Net;
using System.Text.Json.Nodes;
using Kaifan.Insights;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Insights;

/// <summary>Lunchtime, learning a shop's prep time from three orders and recomputing it after a minute.</summary>
public abstract class PrepLearningApp(Provider provider) : LunchtimeApp(provider)
{
    protected override void Configure(IDictionary<string, string?> configuration)
    {
        configuration["Kaifan:Insights:OnTime:PrepMinSamples"] = "3";
        configuration["Kaifan:Insights:OnTime:PrepCacheMinutes"] = "1";
    }
}

public sealed class PrepLearningSqliteApp() : PrepLearningApp(Provider.Sqlite);

public sealed class PrepLearningPostgresApp() : PrepLearningApp(Provider.Postgres);

public abstract class LearnedPrepEtaTests(PrepLearningApp app)
{
    [Fact]
    public async Task a_shop_that_always_takes_25_minutes_though_it_says_10_gets_etas_planned_on_25_once_learned()
    {
        var before = await app.AcceptedOrderAsync(customer: 1);
        var stated = (await EtaAsync(before, customer: 1))["basis"]!;
        stated["prepSource"]!.GetValue<string>().ShouldBe("stated");
        stated["prepRemaining"]!.GetValue<double>().ShouldBe(10);

        await SlowKitchen.LearnedAsync(app, before);

        var after = await app.AcceptedOrderAsync(customer: 4);
        var learned = (await EtaAsync(after, customer: 4))["basis"]!;
        learned["prepSource"]!.GetValue<string>().ShouldBe("learned");
        learned["prepMinutes"]!.GetValue<double>().ShouldBe(25);
        learned["prepRemaining"]!.GetValue<double>().ShouldBe(25);

        await PaymentProbe.EventuallyAsync(
            async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var timeline = await scope.ServiceProvider.GetRequiredService<InsightsDb>().Timelines.AsNoTracking().SingleOrDefaultAsync(t => t.OrderId == after);
                return timeline?.PromisedPrepSource == "learned" && timeline.PromisedPrepMinutes == 25;
            },
            "the promise made at acceptance plans on the learned 25 minutes");
    }

    private async Task<JsonNode> EtaAsync(Guid orderId, int customer)
    {
        var response = await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}/eta");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await JsonOf(response);
    }
}

public sealed class LearnedPrepEtaOnSqlite(PrepLearningSqliteApp app) : LearnedPrepEtaTests(app), IClassFixture<PrepLearningSqliteApp>;

public sealed class LearnedPrepEtaOnPostgres(PrepLearningPostgresApp app) : LearnedPrepEtaTests(app), IClassFixture<PrepLearningPostgresApp>;
