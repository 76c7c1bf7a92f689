using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Identity;
using Kaifan.Identity.Consents;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Identity;

/// <summary>
/// 同意管理 (GDPR art. 7, PIPL art. 14/29/30): a person grants and withdraws each purpose with the same one call, every
/// change is kept as history, and the server itself refuses what needs a consent the person has not given: a 特殊关照
/// order without health consent, going online without location consent.
/// </summary>
public abstract class ConsentTests(KaifanApp app)
{
    [Fact]
    public async Task a_person_grants_then_withdraws_and_the_history_keeps_both_changes_newest_first()
    {
        const int customer = 4;
        var client = app.Client(TestTokens.Customer(customer));
        var before = await ConsentsAsync(client);
        State(before, ConsentPurposes.Marketing)["granted"]!.GetValue<bool>().ShouldBeFalse("never decided counts as refused");
        State(before, ConsentPurposes.Marketing)["since"].ShouldBeNull();
        State(before, ConsentPurposes.Health)["granted"]!.GetValue<bool>().ShouldBeTrue("the demo customers agreed to 特殊关照");
        before["purposes"]!.AsArray().Select(p => p!["purpose"]!.GetValue<string>()).ShouldBe(ConsentPurposes.All);

        var grantedAt = app.Clock.GetUtcNow();
        var granted = await SetAsync(client, ConsentPurposes.Marketing, true);
        State(granted, ConsentPurposes.Marketing)["granted"]!.GetValue<bool>().ShouldBeTrue();
        State(granted, ConsentPurposes.Marketing)["since"]!.GetValue<DateTimeOffset>().ShouldBe(grantedAt, TimeSpan.FromSeconds(1));
        State(granted, ConsentPurposes.Marketing)["policyVersion"]!.GetValue<string>().ShouldBe(granted["policyVersion"]!.GetValue<string>());

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var withdrawn = await SetAsync(client, ConsentPurposes.Marketing, false);
        State(withdrawn, ConsentPurposes.Marketing)["granted"]!.GetValue<bool>().ShouldBeFalse();
        State(withdrawn, ConsentPurposes.Marketing)["since"]!.GetValue<DateTimeOffset>().ShouldBe(grantedAt.AddMinutes(3), TimeSpan.FromSeconds(1));

        // Withdrawing again changes nothing and adds no row.
        await SetAsync(client, ConsentPurposes.Marketing, false);
        var marketing = (await ConsentsAsync(client))["history"]!.AsArray().Where(h => h!["purpose"]!.GetValue<string>() == ConsentPurposes.Marketing).ToList();
        marketing.Select(h => h!["granted"]!.GetValue<bool>()).ShouldBe([false, true], "a withdrawal is a new row; the grant stays as history");

        await using var scope = app.Services.CreateAsyncScope();
        var consents = scope.ServiceProvider.GetRequiredService<IConsents>();
        (await consents.HasConsentAsync(DemoCampus.CustomerId(customer), ConsentPurposes.Marketing, default)).ShouldBeFalse();
        (await consents.HasConsentAsync(DemoCampus.CustomerId(customer), ConsentPurposes.Health, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task a_grant_given_under_an_older_text_of_that_purpose_stops_counting_until_the_person_agrees_again()
    {
        const int customer = 1;
        var client = app.Client(TestTokens.Customer(customer));
        var agreedAt = app.Clock.GetUtcNow().AddDays(-90);
        await StaleGrantAsync(app, customer, ConsentPurposes.Personalisation, agreedAt);

        var stale = State(await ConsentsAsync(client), ConsentPurposes.Personalisation);
        stale["granted"]!.GetValue<bool>().ShouldBeFalse();
        stale["renewalNeeded"]!.GetValue<bool>().ShouldBeTrue();
        stale["since"]!.GetValue<DateTimeOffset>().ShouldBe(agreedAt, TimeSpan.FromSeconds(1));
        State(await ConsentsAsync(client), ConsentPurposes.Health)["renewalNeeded"]!.GetValue<bool>().ShouldBeFalse("agreed under today's text");
        (await HasAsync(customer, ConsentPurposes.Personalisation)).ShouldBeFalse();

        var renewed = State(await SetAsync(client, ConsentPurposes.Personalisation, true), ConsentPurposes.Personalisation);
        renewed["granted"]!.GetValue<bool>().ShouldBeTrue();
        renewed["renewalNeeded"]!.GetValue<bool>().ShouldBeFalse();
        (await HasAsync(customer, ConsentPurposes.Personalisation)).ShouldBeTrue();
        (await ConsentsAsync(client))["history"]!.AsArray().Count(h => h!["purpose"]!.GetValue<string>() == ConsentPurposes.Personalisation)
            .ShouldBe(2, "the old grant stays as history beside the new one");
    }

    [Fact]
    public void every_purpose_names_the_policy_text_that_last_changed_it_and_none_is_newer_than_the_policy()
    {
        ConsentPolicy.ChangedIn.Keys.ShouldBe(ConsentPurposes.All, ignoreOrder: true);
        foreach (var version in ConsentPolicy.ChangedIn.Values)
        {
            DateOnly.TryParseExact(version, "yyyy-MM-dd", out var _).ShouldBeTrue(version);
            string.CompareOrdinal(version, ConsentPolicy.Version).ShouldBeLessThanOrEqualTo(0, version);
        }
    }

    /// <summary>A grant recorded under a policy text older than the one that last changed the purpose.</summary>
    internal static async Task StaleGrantAsync(KaifanApp app, int customer, string purpose, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var older = DateOnly.ParseExact(ConsentPolicy.ChangedIn[purpose], "yyyy-MM-dd").AddMonths(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        db.Consents.Add(new Consent { UserId = DemoCampus.CustomerId(customer), Purpose = purpose, Granted = true, At = at, PolicyVersion = older });
        await db.SaveChangesAsync();
    }

    private async Task<bool> HasAsync(int customer, string purpose)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConsents>().HasConsentAsync(DemoCampus.CustomerId(customer), purpose, default);
    }

    [Fact]
    public async Task a_rider_manages_their_own_consents_too()
    {
        var rider = app.Rider(11);
        var changed = await SetAsync(rider, ConsentPurposes.Personalisation, true);
        State(changed, ConsentPurposes.Personalisation)["granted"]!.GetValue<bool>().ShouldBeTrue();
        State(changed, ConsentPurposes.Location)["granted"]!.GetValue<bool>().ShouldBeTrue("the demo riders agreed to share their position");
        (await app.Client().GetAsync("/api/me/consents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_unknown_purpose_or_a_missing_answer_is_refused_naming_the_field_and_nothing_changes()
    {
        var client = app.Client(TestTokens.Customer(1));
        var history = (await ConsentsAsync(client))["history"]!.AsArray().Count;

        var unknown = await client.PutAsJsonAsync("/api/me/consents/newsletter", new { granted = true });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OrderingKit.JsonOf(unknown))["errors"]!["purpose"].ShouldNotBeNull();

        var missing = await client.PutAsJsonAsync($"/api/me/consents/{ConsentPurposes.Marketing}", new { });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OrderingKit.JsonOf(missing))["errors"]!["granted"].ShouldNotBeNull("a missing answer is not read as a withdrawal");

        (await ConsentsAsync(client))["history"]!.AsArray().Count.ShouldBe(history);
    }

    [Fact]
    public async Task a_special_care_order_is_refused_without_health_consent_and_placed_with_it()
    {
        const int customer = 5;
        var client = app.Client(TestTokens.Customer(customer));
        await SetAsync(client, ConsentPurposes.Health, false);
        var orders = await app.OrderCountAsync(customer);
        var specialCare = new
        {
            merchantId = OrderingKit.Shop, addressId = DemoCampus.Id($"address:{customer}"),
            lines = new[] { OrderingKit.Line(OrderingKit.BeefRice, 1, OrderingKit.BeefRiceMild), OrderingKit.Line(OrderingKit.Tea, 1) },
            specialCare = true,
        };

        var refused = await OrderingKit.PlaceAsync(client, specialCare, Guid.NewGuid().ToString());

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await OrderingKit.JsonOf(refused))["field"]!.GetValue<string>().ShouldBe("specialCare");
        (await app.OrderCountAsync(customer)).ShouldBe(orders, "nothing is placed");
        (await client.PostAsJsonAsync("/api/carts/quote", specialCare)).StatusCode.ShouldBe(HttpStatusCode.OK, "a quote keeps nothing, so it is not refused");
        await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(customer));

        await SetAsync(client, ConsentPurposes.Health, true);
        var placed = await OrderingKit.PlacedAsync(client, specialCare);
        placed["specialCare"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_rider_cannot_go_online_without_location_consent()
    {
        const int riderNo = 10;
        var rider = app.Rider(riderNo);
        await SetAsync(rider, ConsentPurposes.Location, false);

        var refused = await rider.PostAsJsonAsync("/api/rider/online", new { zoneId = DeliveryKit.EastZone, latitude = DeliveryKit.EastLat, longitude = DeliveryKit.EastLon });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await OrderingKit.JsonOf(refused))["field"]!.GetValue<string>().ShouldBe(ConsentPurposes.Location);
        (await OrderingKit.JsonOf(await rider.GetAsync("/api/rider/status")))["online"]!.GetValue<bool>().ShouldBeFalse();

        await SetAsync(rider, ConsentPurposes.Location, true);
        await app.OnlineAsync(riderNo);
        (await rider.PostAsync("/api/rider/offline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_rider_who_withdraws_location_consent_while_online_goes_offline_at_once()
    {
        const int riderNo = 9;
        await app.OnlineAsync(riderNo);

        await SetAsync(app.Rider(riderNo), ConsentPurposes.Location, false);

        (await OrderingKit.JsonOf(await app.Rider(riderNo).GetAsync("/api/rider/status")))["online"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task the_data_export_holds_every_consent_change()
    {
        const int customer = 3;
        var client = app.Client(TestTokens.Customer(customer));
        await SetAsync(client, ConsentPurposes.Personalisation, false);

        var export = JsonNode.Parse(await client.GetStringAsync("/api/me/data-export"))!;

        var consents = export["sections"]!["consents"]!.AsArray();
        consents.Select(c => (c!["purpose"]!.GetValue<string>(), c["granted"]!.GetValue<bool>()))
            .ShouldBe([(ConsentPurposes.Health, true), (ConsentPurposes.Personalisation, false)], "oldest first");
        consents[1]!["at"]!.GetValue<string>().ShouldEndWith("Z");
        consents[1]!["policyVersion"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task erasure_ends_every_consent_and_keeps_the_history_without_the_person()
    {
        const int customer = 2;
        var client = app.Client(TestTokens.Customer(customer));
        await SetAsync(client, ConsentPurposes.Marketing, true);

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var userId = DemoCampus.CustomerId(customer);
        await using var scope = app.Services.CreateAsyncScope();
        var consents = scope.ServiceProvider.GetRequiredService<IConsents>();
        (await consents.HasConsentAsync(userId, ConsentPurposes.Health, default)).ShouldBeFalse();
        (await consents.HasConsentAsync(userId, ConsentPurposes.Marketing, default)).ShouldBeFalse();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var kept = await identity.Consents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync();
        kept.Select(c => (c.Purpose, c.Granted)).ShouldBe(
            [(ConsentPurposes.Health, true), (ConsentPurposes.Marketing, true), (ConsentPurposes.Health, false), (ConsentPurposes.Marketing, false)],
            ignoreOrder: true);
        (await identity.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).PhoneCipher.ShouldBeEmpty("the history points at an account with no one in it");
        (await client.GetAsync("/api/me/consents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "an erased account's token no longer signs anyone in");
    }

    private static async Task<JsonNode> ConsentsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/me/consents");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    private static async Task<JsonNode> SetAsync(HttpClient client, string purpose, bool granted)
    {
        var response = await client.PutAsJsonAsync($"/api/me/consents/{purpose}", new { granted });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    private static JsonNode State(JsonNode consents, string purpose) =>
        consents["purposes"]!.AsArray().Single(p => p!["purpose"]!.GetValue<string>() == purpose)!;
}

public sealed class ConsentOnSqlite(LunchtimeSqliteApp app) : ConsentTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ConsentOnPostgres(LunchtimePostgresApp app) : ConsentTests(app), IClassFixture<LunchtimePostgresApp>;
