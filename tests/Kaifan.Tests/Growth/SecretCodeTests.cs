using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 口令红包: the operator starts a code with a budget; a customer who types it while it runs gets its coupon once, the
/// budget holds under a crowd of parallel claims, and every refusal names the field and grants nothing.
/// </summary>
public abstract class SecretCodeTests(KaifanApp app)
{
    [Fact]
    public async Task a_customer_claims_a_running_code_once_and_finds_its_coupon_in_their_wallet()
    {
        var code = await CreateAsync(UniqueCode("KFHello"), amountFen: 800, minSpendFen: 2000, budget: 100);
        var customer = app.Client(TestTokens.Customer(2));

        // Full-width letters, another case and stray spaces are the same code.
        var claimed = await ClaimAsync(customer, " " + ToFullWidth(code.ToLowerInvariant()) + " ");
        claimed.StatusCode.ShouldBe(HttpStatusCode.Created, await claimed.Content.ReadAsStringAsync());
        var couponId = (await OrderingKit.JsonOf(claimed))["couponId"]!.GetValue<Guid>();

        JsonNode? coupon = null;
        await PaymentProbe.EventuallyAsync(async () =>
        {
            var wallet = await customer.GetFromJsonAsync<JsonArray>("/api/me/coupons");
            coupon = wallet!.SingleOrDefault(c => c!["id"]!.GetValue<Guid>() == couponId);
            return coupon is not null;
        }, "the granted coupon reaches the wallet", seconds: 60);
        coupon!["amountFen"]!.GetValue<long>().ShouldBe(800);
        coupon["minSpendFen"]!.GetValue<long>().ShouldBe(2000);
        coupon["reason"]!.GetValue<string>().ShouldBe($"口令红包「{code}」");
        coupon["status"]!.GetValue<string>().ShouldBe("unused");
        coupon["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow().AddDays(7), TimeSpan.FromSeconds(1));

        var again = await ClaimAsync(customer, code);
        await Refusals.ShouldBeRefusedAsync(again, HttpStatusCode.Conflict, "code");
        (await ListedAsync(code))["claimed"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task a_crowd_claiming_in_parallel_never_passes_the_budget_and_each_winner_gets_exactly_one_coupon()
    {
        const int budget = 5;
        var code = await CreateAsync(UniqueCode("KFRush"), amountFen: 300, minSpendFen: 0, budget: budget);
        var crowd = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var answers = await Task.WhenAll(crowd.Select(id => ClaimAsync(app.Client(TestTokens.Issue(id, Roles.Customer)), code)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(budget);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await ListedAsync(code))["claimed"]!.GetValue<int>().ShouldBe(budget);
        (await ListedAsync(code))["status"]!.GetValue<string>().ShouldBe("exhausted");

        var winners = new List<Guid>();
        for (var i = 0; i < crowd.Count; i++)
        {
            if (answers[i].StatusCode == HttpStatusCode.Created)
            {
                winners.Add(crowd[i]);
            }
        }

        await PaymentProbe.EventuallyAsync(async () => await CouponCountAsync(crowd) == budget, "every winner's coupon is issued", seconds: 60);
        await Task.Delay(500);
        (await CouponCountAsync(crowd)).ShouldBe(budget, "no grant is issued twice");
        await using var scope = app.Services.CreateAsyncScope();
        var owners = await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.AsNoTracking()
            .Where(c => crowd.Contains(c.CustomerId)).Select(c => c.CustomerId).ToListAsync();
        owners.ShouldBe(winners, ignoreOrder: true);
    }

    [Fact]
    public async Task a_wrong_code_one_not_yet_open_and_one_that_ended_are_refused_naming_the_code()
    {
        var customer = app.Client(TestTokens.Customer(3));
        await Refusals.ShouldBeRefusedAsync(await ClaimAsync(customer, "没有这个口令"), HttpStatusCode.NotFound, "code");

        var now = app.Clock.GetUtcNow();
        var later = await CreateAsync(UniqueCode("KFLater"), 300, 0, 10, startsAt: now.AddHours(2), endsAt: now.AddDays(1));
        await Refusals.ShouldBeRefusedAsync(await ClaimAsync(customer, later), HttpStatusCode.UnprocessableEntity, "code");

        var brief = await CreateAsync(UniqueCode("KFBrief"), 300, 0, 10, startsAt: now.AddMinutes(-1), endsAt: now.AddMinutes(30));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await Refusals.ShouldBeRefusedAsync(await ClaimAsync(customer, brief), HttpStatusCode.UnprocessableEntity, "code");

        (await ListedAsync(later))["claimed"]!.GetValue<int>().ShouldBe(0);
        (await ListedAsync(brief))["claimed"]!.GetValue<int>().ShouldBe(0);
        (await ListedAsync(brief))["status"]!.GetValue<string>().ShouldBe("ended");
    }

    [Fact]
    public async Task a_stopped_code_takes_no_more_claims_and_keeps_the_coupons_already_granted()
    {
        var code = await CreateAsync(UniqueCode("KFStop"), 300, 0, 10);
        (await ClaimAsync(app.Client(TestTokens.Customer(4)), code)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var ops = app.Client(TestTokens.Operator());
        var id = (await ListedAsync(code))["id"]!.GetValue<Guid>();

        var stopped = await ops.PostAsync($"/api/ops/growth/secret-codes/{id}/stop", null);
        stopped.StatusCode.ShouldBe(HttpStatusCode.OK, await stopped.Content.ReadAsStringAsync());
        (await OrderingKit.JsonOf(stopped))["status"]!.GetValue<string>().ShouldBe("ended");
        await Refusals.ShouldBeRefusedAsync(await ClaimAsync(app.Client(TestTokens.Customer(5)), code), HttpStatusCode.UnprocessableEntity, "code");

        var again = await ops.PostAsync($"/api/ops/growth/secret-codes/{id}/stop", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await OrderingKit.JsonOf(again))["field"]!.GetValue<string>().ShouldBe("status");
        (await ops.PostAsync($"/api/ops/growth/secret-codes/{Guid.NewGuid()}/stop", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListedAsync(code))["claimed"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task the_claims_are_in_the_persons_data_export_and_erasure_keeps_them_counted_but_no_longer_theirs()
    {
        var person = Guid.NewGuid();
        var code = await CreateAsync(UniqueCode("KFMine"), 400, 0, 10);
        (await ClaimAsync(app.Client(TestTokens.Issue(person, Roles.Customer)), code)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var scope = app.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "secretCodes");
        var mine = JsonSerializer.SerializeToNode(await export.ExportAsync(person, default))!.AsArray();
        mine.Single()!["Code"]!.GetValue<string>().ShouldBe(code);
        mine.Single()!["AmountFen"]!.GetValue<long>().ShouldBe(400);

        foreach (var erasure in scope.ServiceProvider.GetServices<IPersonalDataErasure>().Where(e => e.GetType().Name == "SecretCodesErasure"))
        {
            await erasure.EraseAsync(person, default);
        }

        (await export.ExportAsync(person, default)).ShouldBeNull();
        (await ListedAsync(code))["claimed"]!.GetValue<int>().ShouldBe(1, "the budget still counts the claim");
    }

    [Fact]
    public async Task the_operator_alone_starts_codes_and_bad_or_taken_ones_are_refused_naming_the_field()
    {
        var now = app.Clock.GetUtcNow();
        var body = new { code = UniqueCode("KFOps"), amountFen = 500, minSpendFen = 0, budget = 10, startsAt = now, endsAt = now.AddDays(1), couponDays = 7 };
        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/ops/growth/secret-codes", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ops = app.Client(TestTokens.Operator());
        var before = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/growth/secret-codes"))!.Count;
        foreach (var (field, bad) in new (string, object)[]
        {
            ("amountFen", body with { amountFen = 0 }),
            ("budget", body with { budget = 0 }),
            ("endsAt", body with { endsAt = now.AddDays(-1) }),
            ("couponDays", body with { couponDays = 400 }),
            ("code", body with { code = "口 令" }),
        })
        {
            var refused = await ops.PostAsJsonAsync("/api/ops/growth/secret-codes", bad);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await OrderingKit.JsonOf(refused))["errors"]!.AsObject().ShouldContain(e => e.Key == field);
        }

        (await ops.PostAsJsonAsync("/api/ops/growth/secret-codes", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var taken = await ops.PostAsJsonAsync("/api/ops/growth/secret-codes", body with { code = body.code.ToLowerInvariant() });
        await Refusals.ShouldBeRefusedAsync(taken, HttpStatusCode.Conflict, "code");
        (await ops.GetFromJsonAsync<JsonArray>("/api/ops/growth/secret-codes"))!.Count.ShouldBe(before + 1);
    }

    private async Task<string> CreateAsync(
        string code, long amountFen, long minSpendFen, int budget, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        var now = app.Clock.GetUtcNow();
        var response = await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/growth/secret-codes", new
        {
            code, amountFen, minSpendFen, budget, startsAt = startsAt ?? now.AddMinutes(-1), endsAt = endsAt ?? now.AddDays(3), couponDays = 7,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    private static Task<HttpResponseMessage> ClaimAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/growth/secret-codes/claim", new { code });

    private async Task<JsonNode> ListedAsync(string code) =>
        (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/growth/secret-codes"))!
            .Single(c => c!["code"]!.GetValue<string>() == code)!;

    private async Task<int> CouponCountAsync(List<Guid> customers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.CountAsync(c => customers.Contains(c.CustomerId));
    }

    private static string UniqueCode(string prefix) => prefix + Random.Shared.Next(100_000, 999_999);

    private static string ToFullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
}

public sealed class SecretCodeOnSqlite(LunchtimeSqliteApp app) : SecretCodeTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class SecretCodeOnPostgres(LunchtimePostgresApp app) : SecretCodeTests(app), IClassFixture<LunchtimePostgresApp>;
