using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Identity;
using Kaifan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Identity;

/// <summary>
/// 审计日志: operators' and merchants' changes through the API, privacy requests and a rider reading the door's address
/// are recorded once each, ids only, in a SHA-256 chain that the verify endpoint checks; customers' shopping is not
/// recorded, and only operators read the log.
/// </summary>
public abstract partial class AuditLogTests(LunchtimeApp app)
{
    private HttpClient Ops => app.Client(TestTokens.Operator());

    [Fact]
    public async Task an_operator_locker_update_is_one_entry_naming_the_operator_the_action_the_locker_and_the_outcome_refused_ones_too()
    {
        var before = await LatestSequenceAsync();
        var locker = $"/api/ops/zones/{EastZone}/lockers/{CanteenLocker}";

        var saved = await Ops.PutAsJsonAsync(locker, new { name = CanteenLockerName, latitude = 31.0250, longitude = 121.4420 });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await Ops.PutAsJsonAsync(locker, new { name = CanteenLockerName, latitude = 31.0250, longitude = 200.0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var entries = await EntriesSinceAsync(before);
        entries.Count.ShouldBe(2, string.Join('\n', entries.Select(e => e.ToJsonString())));
        var (refused, updated) = (entries[0], entries[1]);
        updated["actorId"]!.GetValue<Guid>().ShouldBe(DemoCampus.OperatorId);
        updated["actorRole"]!.GetValue<string>().ShouldBe(Roles.Operator);
        updated["action"]!.GetValue<string>().ShouldBe("zone.locker.updated");
        updated["subjectType"]!.GetValue<string>().ShouldBe("locker");
        updated["subjectId"]!.GetValue<string>().ShouldBe(CanteenLocker.ToString());
        updated["outcome"]!.GetValue<int>().ShouldBe(200);
        updated["detail"]!.GetValue<string>().ShouldBe($"zoneId={EastZone}");
        refused["action"]!.GetValue<string>().ShouldBe("zone.locker.updated");
        refused["outcome"]!.GetValue<int>().ShouldBe(400);
        string.Join('\n', entries.Select(e => e.ToJsonString())).ShouldNotContain(CanteenLockerName, Case.Sensitive, "the body is never recorded");
    }

    [Fact]
    public async Task a_customer_order_is_not_recorded_the_merchant_accepting_it_is_and_the_rider_reading_the_door_is_once()
    {
        const int customer = 3, rider = 5;
        var before = await LatestSequenceAsync();
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            for (var poll = 0; poll < 3; poll++)
            {
                (await app.Rider(rider).GetAsync($"/api/rider/orders/{orderId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            (await app.StepAsync(rider, orderId, "arrive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }

        var entries = await EntriesSinceAsync(before);
        var shown = string.Join('\n', entries.Select(e => e.ToJsonString()));
        entries.ShouldNotContain(e => e["actorRole"]!.GetValue<string>() == Roles.Customer, shown);
        entries.ShouldNotContain(e => e["action"]!.GetValue<string>().StartsWith("rider.") || e["action"]!.GetValue<string>().Contains("offer"), shown);

        List<JsonNode> Of(string action) => entries.Where(e => e["action"]!.GetValue<string>() == action).ToList();
        var accepted = Of("order.accepted").ShouldHaveSingleItem();
        accepted["actorRole"]!.GetValue<string>().ShouldBe(Roles.Merchant);
        accepted["subjectType"]!.GetValue<string>().ShouldBe("order");
        accepted["subjectId"]!.GetValue<string>().ShouldBe(orderId.ToString());
        Of("order.marked-ready").ShouldHaveSingleItem();

        var door = Of("personal-data.address-shown-to-rider").ShouldHaveSingleItem(shown);
        door["actorId"]!.GetValue<Guid>().ShouldBe(DemoCampus.RiderId(rider));
        door["subjectId"]!.GetValue<string>().ShouldBe(orderId.ToString());
    }

    [Fact]
    public async Task a_customers_data_export_is_recorded_and_the_next_copy_lists_it_as_their_own_action()
    {
        const int customer = 1;
        var client = app.Client(TestTokens.Customer(customer));
        var before = await LatestSequenceAsync();

        (await client.GetAsync("/api/me/data-export")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = (await EntriesSinceAsync(before)).ShouldHaveSingleItem();
        export["action"]!.GetValue<string>().ShouldBe("privacy.export");
        export["actorId"]!.GetValue<Guid>().ShouldBe(DemoCampus.CustomerId(customer));
        export["actorRole"]!.GetValue<string>().ShouldBe(Roles.Customer);
        export["subjectId"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerId(customer).ToString());

        var copy = JsonNode.Parse(await (await client.GetAsync("/api/me/data-export")).Content.ReadAsStringAsync())!;
        copy["sections"]!["audit"]!.AsArray().ShouldContain(e => e!["action"]!.GetValue<string>() == "privacy.export");
    }

    [Fact]
    public async Task a_customers_erasure_is_recorded_by_id_only()
    {
        const int customer = 5;
        var before = await LatestSequenceAsync();

        (await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var erasure = (await EntriesSinceAsync(before)).ShouldHaveSingleItem();
        erasure["action"]!.GetValue<string>().ShouldBe("privacy.erasure");
        erasure["actorId"]!.GetValue<Guid>().ShouldBe(DemoCampus.CustomerId(customer));
        erasure["subjectId"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerId(customer).ToString());
        erasure["outcome"]!.GetValue<int>().ShouldBe(204);
        erasure.ToJsonString().ShouldNotContain(DemoCampus.CustomerPhone(customer));
    }

    [Fact]
    public async Task the_list_filters_by_actor_action_and_shanghai_day_and_pages_newest_first()
    {
        var actor = Guid.NewGuid();
        var audit = app.Services.GetRequiredService<IAuditLog>();
        for (var i = 1; i <= 53; i++)
        {
            await audit.RecordAsync(new AuditRecord(actor, Roles.Merchant, i % 2 == 0 ? "merchant.item.updated" : "merchant.item.stock.updated", "item", $"{i}", 200), default);
        }

        var first = await PageAsync($"actor={actor}");
        first["total"]!.GetValue<int>().ShouldBe(53);
        var firstEntries = first["entries"]!.AsArray();
        firstEntries.Count.ShouldBe(50);
        firstEntries[0]!["subjectId"]!.GetValue<string>().ShouldBe("53", "newest first");
        var second = (await PageAsync($"actor={actor}&page=2"))["entries"]!.AsArray();
        second.Select(e => e!["subjectId"]!.GetValue<string>()).ShouldBe(["3", "2", "1"]);

        (await PageAsync($"actor={actor}&action=merchant.item.stock"))["total"]!.GetValue<int>().ShouldBe(27);
        (await PageAsync($"actor={actor}&action=merchant.item.updated"))["total"]!.GetValue<int>().ShouldBe(26);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await PageAsync($"actor={actor}&from={Day(today)}&to={Day(today)}"))["total"]!.GetValue<int>().ShouldBe(53);
        (await PageAsync($"actor={actor}&from={Day(today.AddDays(1))}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await PageAsync($"actor={actor}&to={Day(today.AddDays(-1))}"))["total"]!.GetValue<int>().ShouldBe(0);

        var badPage = await Ops.GetAsync("/api/ops/audit?page=0");
        badPage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(badPage))["errors"]!["page"].ShouldNotBeNull();
    }

    [Fact]
    public async Task verify_finds_the_chain_intact_and_names_the_first_row_changed_directly_in_the_database()
    {
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var intact = await VerifyAsync();
        intact["intact"]!.GetValue<bool>().ShouldBeTrue(intact.ToJsonString());
        var tampered = await LatestSequenceAsync() - 1;

        await AuditTampering.AsDatabaseOwnerAsync(app, async db =>
        {
            await db.AuditLog.Where(e => e.Sequence == tampered).ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, 403));
            try
            {
                var broken = await VerifyAsync();
                broken["intact"]!.GetValue<bool>().ShouldBeFalse();
                broken["brokenAt"]!.GetValue<long>().ShouldBe(tampered);
                broken["reason"]!.GetValue<string>().ShouldBe("content");
            }
            finally
            {
                await db.AuditLog.Where(e => e.Sequence == tampered).ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, 200));
            }
        });

        (await VerifyAsync())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task fifty_parallel_operator_changes_leave_fifty_entries_in_one_intact_chain()
    {
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await LatestSequenceAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            app.Client(TestTokens.Operator()).PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = false })));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
        var entries = await EntriesSinceAsync(before);
        entries.Count.ShouldBe(50);
        entries.Select(e => e["sequence"]!.GetValue<long>()).Order().ShouldBe(Enumerable.Range(1, 50).Select(i => before + i));
        entries.ShouldAllBe(e => e["action"]!.GetValue<string>() == "zone.weather.updated");
        (await VerifyAsync())["intact"]!.GetValue<bool>().ShouldBeTrue();
        app.Errors.Entries.ShouldNotContain(e => e.Message.Contains("Audit entry lost"));
    }

    [Fact]
    public async Task only_operators_read_or_verify_the_log_and_a_merchant_refused_an_ops_change_is_recorded()
    {
        var before = await LatestSequenceAsync();
        foreach (var token in new[] { TestTokens.Customer(2), TestTokens.MerchantStaff(), TestTokens.Rider(3) })
        {
            (await app.Client(token).GetAsync("/api/ops/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await app.Client(token).GetAsync("/api/ops/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await app.Client().GetAsync("/api/ops/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await app.Client(TestTokens.MerchantStaff()).PutAsJsonAsync($"/api/ops/zones/{EastZone}/weather", new { badWeather = true }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var probe = (await EntriesSinceAsync(before)).ShouldHaveSingleItem();
        probe["actorRole"]!.GetValue<string>().ShouldBe(Roles.Merchant);
        probe["action"]!.GetValue<string>().ShouldBe("zone.weather.updated");
        probe["subjectId"]!.GetValue<string>().ShouldBe(EastZone.ToString());
        probe["outcome"]!.GetValue<int>().ShouldBe(403);
    }

    private async Task<JsonNode> PageAsync(string query)
    {
        var response = await Ops.GetAsync($"/api/ops/audit?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private async Task<JsonNode> VerifyAsync() => await JsonOf(await Ops.GetAsync("/api/ops/audit/verify"));

    private async Task<long> LatestSequenceAsync() =>
        (await PageAsync("page=1"))["entries"]!.AsArray().FirstOrDefault()?["sequence"]!.GetValue<long>() ?? 0;

    /// <summary>Entries after the given sequence, newest first (at most one page's worth is expected).</summary>
    private async Task<List<JsonNode>> EntriesSinceAsync(long sequence) =>
        (await PageAsync("page=1"))["entries"]!.AsArray().Select(e => e!).Where(e => e["sequence"]!.GetValue<long>() > sequence).ToList();
}

public sealed class AuditLogOnSqlite(LunchtimeSqliteApp app) : AuditLogTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class AuditLogOnPostgres(LunchtimePostgresApp app) : AuditLogTests(app), IClassFixture<LunchtimePostgresApp>;
