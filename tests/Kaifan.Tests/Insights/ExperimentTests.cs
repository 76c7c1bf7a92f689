using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Insights;
using Kaifan.Insights.Experiments;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Insights;

/// <summary>
/// A/B experiments over HTTP: the operator defines, starts and stops one; a customer's variant is the same on every call
/// and their exposure is logged once however many calls race; an order converts it only within 24 h after.
/// </summary>
public abstract partial class ExperimentTests(KaifanApp app)
{
    [Fact]
    public async Task a_customer_keeps_their_variant_and_twenty_parallel_calls_log_one_exposure()
    {
        var key = await StartedAsync(("control", 1), ("b", 1), ("c", 1));
        var customer = Guid.NewGuid();
        var client = app.Client(TestTokens.Issue(customer, Roles.Customer));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetFromJsonAsync<JsonObject>($"/api/experiments/{key}/assignment")));

        var variants = answers.Select(a => a!["variant"]!.GetValue<string>()).Distinct().ToList();
        variants.ShouldHaveSingleItem().ShouldBe(VariantAssignment.Of(key, customer, [("control", 1), ("b", 1), ("c", 1)]));
        answers.ShouldAllBe(a => a!["running"]!.GetValue<bool>());
        (await ExposuresAsync(key)).ShouldBe(1);
        var listed = await ListedAsync(key);
        listed["variants"]!.AsArray().Sum(v => v!["exposures"]!.GetValue<int>()).ShouldBe(1);
    }

    [Fact]
    public async Task an_order_converts_an_exposure_within_24_hours_after_it_and_never_outside()
    {
        var key = await StartedAsync(("control", 1), ("b", 1));
        var (inTime, late, before) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var exposedAt = app.Clock.GetUtcNow();
        foreach (var customer in new[] { inTime, late, before })
        {
            await app.Client(TestTokens.Issue(customer, Roles.Customer)).GetFromJsonAsync<JsonObject>($"/api/experiments/{key}/assignment");
        }

        await PlacedAsync(inTime, exposedAt.AddHours(23).AddMinutes(59));
        await PlacedAsync(late, exposedAt.AddHours(24).AddMinutes(1));
        await PlacedAsync(before, exposedAt.AddMinutes(-5));
        await PlacedAsync(inTime, exposedAt.AddHours(1));

        await using var scope = app.Services.CreateAsyncScope();
        var exposures = await scope.ServiceProvider.GetRequiredService<InsightsDb>().ExperimentExposures.AsNoTracking()
            .Where(x => x.ExperimentKey == key).ToDictionaryAsync(x => x.CustomerId!.Value);
        exposures[inTime].ConvertedAt.ShouldBe(exposedAt.AddHours(23).AddMinutes(59), "the first order in the window converts; a second changes nothing");
        exposures[late].ConvertedAt.ShouldBeNull();
        exposures[before].ConvertedAt.ShouldBeNull();
        var listed = await ListedAsync(key);
        listed["variants"]!.AsArray().Sum(v => v!["conversions"]!.GetValue<int>()).ShouldBe(1);
    }

    [Fact]
    public async Task a_real_order_after_the_home_page_experiment_converts_the_customers_exposure()
    {
        const int customer = 3;
        var client = app.Client(TestTokens.Customer(customer));
        var assigned = await client.GetFromJsonAsync<JsonObject>($"/api/experiments/{DemoExperiments.HomeRecommendationsPosition}/assignment");
        assigned!["running"]!.GetValue<bool>().ShouldBeTrue("the demo experiment runs from the first start");
        assigned["variant"]!.GetValue<string>().ShouldBeOneOf("top", "bottom");

        var order = await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(customer));

        await PaymentProbe.EventuallyAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var exposure = await scope.ServiceProvider.GetRequiredService<InsightsDb>().ExperimentExposures.AsNoTracking()
                .SingleAsync(x => x.ExperimentKey == DemoExperiments.HomeRecommendationsPosition && x.CustomerId == DemoCampus.CustomerId(customer));
            return exposure.ConvertingOrderId == OrderingKit.IdOf(order);
        }, "the order placed converts the exposure", seconds: 60);
    }

    [Fact]
    public async Task before_the_start_and_after_the_stop_everyone_sees_the_control_and_nothing_is_logged()
    {
        var key = await CreatedAsync(("control", 1), ("treatment", 99));
        var client = app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer));
        var ops = app.Client(TestTokens.Operator());

        var draft = await client.GetFromJsonAsync<JsonObject>($"/api/experiments/{key}/assignment");
        draft!["variant"]!.GetValue<string>().ShouldBe("control");
        draft["running"]!.GetValue<bool>().ShouldBeFalse();

        (await ops.PostAsync($"/api/ops/experiments/{key}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Refusals.ShouldBeRefusedAsync(await ops.PostAsync($"/api/ops/experiments/{key}/start", null), HttpStatusCode.Conflict, "status");
        (await ops.PostAsync($"/api/ops/experiments/{key}/stop", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Refusals.ShouldBeRefusedAsync(await ops.PostAsync($"/api/ops/experiments/{key}/stop", null), HttpStatusCode.Conflict, "status");
        await Refusals.ShouldBeRefusedAsync(await ops.PostAsync($"/api/ops/experiments/{key}/start", null), HttpStatusCode.Conflict, "status");

        var stopped = await client.GetFromJsonAsync<JsonObject>($"/api/experiments/{key}/assignment");
        stopped!["variant"]!.GetValue<string>().ShouldBe("control");
        (await ExposuresAsync(key)).ShouldBe(0);
        (await ListedAsync(key))["status"]!.GetValue<string>().ShouldBe("stopped");
        (await client.GetAsync("/api/experiments/no.such.experiment/assignment")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_the_operator_defines_experiments_and_bad_or_taken_ones_are_refused_naming_the_field()
    {
        var key = UniqueKey();
        var body = new { key, name = "结算按钮文案", target = "checkout.button", variants = new[] { new { name = "去结算", weight = 50 }, new { name = "立即下单", weight = 50 } } };
        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/ops/experiments", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ops = app.Client(TestTokens.Operator());

        foreach (var (field, bad) in new (string, object)[]
        {
            ("key", body with { key = "Not A Key!" }),
            ("variants", body with { variants = [new { name = "唯一", weight = 1 }] }),
            ("variants", body with { variants = [new { name = "同名", weight = 1 }, new { name = "同名", weight = 1 }] }),
            ("variants", body with { variants = [new { name = "甲", weight = 0 }, new { name = "乙", weight = 1 }] }),
            ("name", body with { name = "" }),
        })
        {
            var refused = await ops.PostAsJsonAsync("/api/ops/experiments", bad);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await refused.Content.ReadAsStringAsync()).ShouldContain($"\"{field}", Case.Insensitive);
        }

        (await ops.PostAsJsonAsync("/api/ops/experiments", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Refusals.ShouldBeRefusedAsync(await ops.PostAsJsonAsync("/api/ops/experiments", body), HttpStatusCode.Conflict, "key");
        (await ListedAsync(key))["variants"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ShouldBe(["去结算", "立即下单"]);
    }

    [Fact]
    public async Task exposures_are_in_the_customers_data_export_and_lose_their_link_to_them_on_erasure()
    {
        const int customer = 5;
        var client = app.Client(TestTokens.Customer(customer));
        var key = await StartedAsync(("control", 1), ("b", 1));
        var variant = (await client.GetFromJsonAsync<JsonObject>($"/api/experiments/{key}/assignment"))!["variant"]!.GetValue<string>();

        var export = JsonNode.Parse(await client.GetStringAsync("/api/me/data-export"))!["sections"]!["experiments"]!.AsArray();
        var mine = export.Single(x => x!["experiment"]!.GetValue<string>() == key)!;
        mine["variant"]!.GetValue<string>().ShouldBe(variant);

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        (await db.ExperimentExposures.CountAsync(x => x.CustomerId == DemoCampus.CustomerId(customer))).ShouldBe(0);
        (await ExposuresAsync(key)).ShouldBe(1, "the experiment's count stays");
    }

    private async Task PlacedAsync(Guid customer, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        await ExperimentConversionHandler.Handle(
            new OrderPlaced(Guid.NewGuid(), customer, OrderingKit.Shop, DemoCampus.ZoneId(1), 3100, at), db, CancellationToken.None);
    }

    private async Task<string> StartedAsync(params (string Name, int Weight)[] variants)
    {
        var key = await CreatedAsync(variants);
        (await app.Client(TestTokens.Operator()).PostAsync($"/api/ops/experiments/{key}/start", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return key;
    }

    private async Task<string> CreatedAsync(params (string Name, int Weight)[] variants)
    {
        var key = UniqueKey();
        var created = await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/experiments", new
        {
            key, name = "测试实验", target = "home.recommendations", variants = variants.Select(v => new { name = v.Name, weight = v.Weight }),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return key;
    }

    private async Task<int> ExposuresAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightsDb>().ExperimentExposures.CountAsync(x => x.ExperimentKey == key);
    }

    private async Task<JsonNode> ListedAsync(string key) =>
        (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/experiments"))!
            .Single(e => e!["key"]!.GetValue<string>() == key)!;

    private static string UniqueKey() => "test.exp-" + Guid.NewGuid().ToString("N")[..10];
}

public sealed class ExperimentOnSqlite(LunchtimeSqliteApp app) : ExperimentTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ExperimentOnPostgres(LunchtimePostgresApp app) : ExperimentTests(app), IClassFixture<LunchtimePostgresApp>;
