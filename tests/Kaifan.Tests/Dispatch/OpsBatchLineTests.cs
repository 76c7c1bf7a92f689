using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Dispatch;

/// <summary>
/// 批次配送线路 in the ops console: the operator lists, adds, edits and removes a zone's campus batch lines; checkout sees
/// each change at once, and orders already held for a run keep it. The lines here cover customer 5's dorm, which the
/// demo's east-dorm line does not.
/// </summary>
public abstract class OpsBatchLineTests(LunchtimeApp app)
{
    private const int Customer = 5;

    private string Lines => $"/api/ops/zones/{EastZone}/batch-lines";

    private HttpClient Ops => app.Client(TestTokens.Operator());

    [Fact]
    public async Task a_departure_the_operator_adds_is_quoted_at_once_and_a_removed_line_is_no_longer_offered()
    {
        var customer = app.Client(TestTokens.Customer(Customer));
        (await QuoteAsync(customer))["batchLine"].ShouldBeNull("customer 5 lives outside every demo line");

        var (near, far) = (LocalTime(TimeSpan.FromHours(1)), LocalTime(TimeSpan.FromHours(3)));
        var created = await Ops.PostAsJsonAsync(Lines, Body("北区宿舍 (north dorms)", far));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var line = await JsonOf(created);
        var lineId = line["id"]!.GetValue<Guid>();
        line["departures"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe([far]);
        (await ListAsync()).ShouldContain(l => l["id"]!.GetValue<Guid>() == lineId && l["name"]!.GetValue<string>() == "北区宿舍 (north dorms)");
        var quoted = await QuoteAsync(customer);
        quoted["batchLine"]!["lineId"]!.GetValue<Guid>().ShouldBe(lineId, "checkout reads the new line at once, not a minute later");
        quoted["batchLine"]!["nextDeparture"]!.GetValue<DateTimeOffset>().ShouldBe(RunAt(far));

        // Departures come in any order and are kept earliest first; the added earlier run is the one quoted now.
        var edited = await Ops.PutAsJsonAsync($"{Lines}/{lineId}", Body("北区宿舍", far, near));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await JsonOf(edited))["departures"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe([near, far]);
        var listed = (await ListAsync()).Single(l => l["id"]!.GetValue<Guid>() == lineId);
        listed["name"]!.GetValue<string>().ShouldBe("北区宿舍");
        listed["departures"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe([near, far]);
        var batch = await QuoteAsync(customer, new { serviceTier = "batch" });
        batch["serviceTier"]!.GetValue<string>().ShouldBe("batch");
        batch["batchLine"]!["nextDeparture"]!.GetValue<DateTimeOffset>().ShouldBe(RunAt(near));

        (await Ops.DeleteAsync($"{Lines}/{lineId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync()).ShouldNotContain(l => l["id"]!.GetValue<Guid>() == lineId);
        (await QuoteAsync(customer))["batchLine"].ShouldBeNull("the removed line is offered to no new order");
        var refused = await customer.PostAsJsonAsync("/api/carts/quote", TierKit.Checkout(Customer, new { serviceTier = "batch" }));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Ops.DeleteAsync($"{Lines}/{lineId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("name", "", 31.0292, 121.4425, 100.0, "11:00")]
    [InlineData("name", "   ", 31.0292, 121.4425, 100.0, "11:00")]
    [InlineData("name", "LONG", 31.0292, 121.4425, 100.0, "11:00")]
    [InlineData("latitude", "线", 95.0, 121.4425, 100.0, "11:00")]
    [InlineData("longitude", "线", 31.0292, -181.0, 100.0, "11:00")]
    [InlineData("radiusMetres", "线", 31.0292, 121.4425, 10.0, "11:00")]
    [InlineData("radiusMetres", "线", 31.0292, 121.4425, 5000.0, "11:00")]
    [InlineData("departures", "线", 31.0292, 121.4425, 100.0, "")]
    [InlineData("departures", "线", 31.0292, 121.4425, 100.0, "11:00,11:00")]
    [InlineData("departures[1]", "线", 31.0292, 121.4425, 100.0, "11:00,24:00")]
    [InlineData("departures[0]", "线", 31.0292, 121.4425, 100.0, "9:30")]
    [InlineData("departures[0]", "线", 31.0292, 121.4425, 100.0, "noon")]
    public async Task bad_input_is_refused_naming_the_field_and_changes_nothing(string field, string name, double latitude, double longitude, double radius, string departures)
    {
        var existing = await JsonOf(await Ops.PostAsJsonAsync(Lines, Body("西门宿舍", "11:00")));
        var lineId = existing["id"]!.GetValue<Guid>();
        try
        {
            var before = (await ListAsync()).Select(l => l.ToJsonString()).ToList();
            var body = new
            {
                name = name == "LONG" ? new string('宿', 101) : name,
                latitude,
                longitude,
                radiusMetres = radius,
                departures = departures.Split(',', StringSplitOptions.RemoveEmptyEntries),
            };

            foreach (var refused in new[] { await Ops.PostAsJsonAsync(Lines, body), await Ops.PutAsJsonAsync($"{Lines}/{lineId}", body) })
            {
                refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await JsonOf(refused))["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field]);
            }

            (await ListAsync()).Select(l => l.ToJsonString()).ShouldBe(before);
        }
        finally
        {
            (await Ops.DeleteAsync($"{Lines}/{lineId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task an_unknown_zone_or_line_is_not_found_and_only_an_operator_may_touch_lines()
    {
        (await Ops.GetAsync($"/api/ops/zones/{Guid.NewGuid()}/batch-lines")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ops.PostAsJsonAsync($"/api/ops/zones/{Guid.NewGuid()}/batch-lines", Body("线", "11:00"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ops.PutAsJsonAsync($"{Lines}/{Guid.NewGuid()}", Body("线", "11:00"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ops.DeleteAsync($"{Lines}/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A line is found only under its own zone.
        (await Ops.PutAsJsonAsync($"/api/ops/zones/{DemoCampusZone(2)}/batch-lines/{Kaifan.Dispatch.Batches.DemoBatchLines.DormLine}", Body("线", "11:00")))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var before = (await ListAsync()).Count;
        foreach (var token in new[] { TestTokens.Customer(Customer), TestTokens.Rider(1), TestTokens.MerchantStaff() })
        {
            var other = app.Client(token);
            (await other.GetAsync(Lines)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await other.PostAsJsonAsync(Lines, Body("线", "11:00"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await other.PutAsJsonAsync($"{Lines}/{Kaifan.Dispatch.Batches.DemoBatchLines.DormLine}", Body("线", "11:00"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await other.DeleteAsync($"{Lines}/{Kaifan.Dispatch.Batches.DemoBatchLines.DormLine}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await ListAsync()).Count.ShouldBe(before);
        (await ListAsync()).ShouldContain(l => l["id"]!.GetValue<Guid>() == Kaifan.Dispatch.Batches.DemoBatchLines.DormLine);
    }

    [Fact]
    public async Task an_order_held_for_a_run_keeps_it_when_its_line_is_rescheduled_and_then_removed()
    {
        const int rider = 1;
        var (run, later) = (LocalTime(TimeSpan.FromMinutes(20)), LocalTime(TimeSpan.FromHours(2)));
        var line = await JsonOf(await Ops.PostAsJsonAsync(Lines, Body("北区宿舍", run)));
        var lineId = line["id"]!.GetValue<Guid>();
        var orderId = await app.AcceptPaidAsync(
            await PlacedAsync(app.Client(TestTokens.Customer(Customer)), TierKit.Checkout(Customer, new { serviceTier = "batch" })), Customer, prepMinutes: 5);
        var held = RunAt(run);
        (await app.HoldOfAsync(orderId)).ShouldBe(held);
        (await ListAsync()).Single(l => l["id"]!.GetValue<Guid>() == lineId)["heldOrders"]!.GetValue<int>().ShouldBe(1);

        var moved = await Ops.PutAsJsonAsync($"{Lines}/{lineId}", Body("北区宿舍", later));
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonOf(moved))["heldOrders"]!.GetValue<int>().ShouldBe(1, "the console says how many orders keep their run");
        (await app.HoldOfAsync(orderId)).ShouldBe(held, "a rescheduled line does not move a promised run");
        await ShouldNameRunAsync(orderId, held, "北区宿舍");
        (await Ops.DeleteAsync($"{Lines}/{lineId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.HoldOfAsync(orderId)).ShouldBe(held, "nor does a removed one");
        await ShouldNameRunAsync(orderId, held, "批次配送 (batch run)");

        try
        {
            await app.OnlineAsync(rider);
            var offeredFrom = held - Kaifan.Dispatch.DispatchOptions.BatchLead;
            while (app.Clock.GetUtcNow() < offeredFrom)
            {
                await app.Zone(EastZone).RunRound();
                (await app.OfferOfAsync(rider, orderId)).ShouldBeNull($"the order waits for its {run} run");
                var step = offeredFrom - app.Clock.GetUtcNow();
                await app.AdvanceAsync(step < TimeSpan.FromMinutes(2) ? step : TimeSpan.FromMinutes(2), rider);
            }

            await app.OfferedAsync(orderId, rider);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    /// <summary>The customer's order page and live ETA name the run the order is held for, not one worked out afresh.</summary>
    private async Task ShouldNameRunAsync(Guid orderId, DateTimeOffset held, string lineName)
    {
        var customer = app.Client(TestTokens.Customer(Customer));
        var page = (await customer.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}"))!;
        var eta = (await customer.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}/eta"))!;
        held.ShouldSatisfyAllConditions(
            () => page["batchRun"]!["departsAt"]!.GetValue<DateTimeOffset>().ShouldBe(held, "the order page"),
            () => page["batchRun"]!["lineName"]!.GetValue<string>().ShouldBe(lineName),
            () => eta["basis"]!["batchDeparture"]!.GetValue<DateTimeOffset>().ShouldBe(held, "the live ETA"));
    }

    private static Guid DemoCampusZone(int n) => Kaifan.BuildingBlocks.DemoCampus.ZoneId(n);

    /// <summary>A line round customer 5's dorm, small enough to leave the demo line's dorms out.</summary>
    private static object Body(string name, params string[] departures)
    {
        var (latitude, longitude) = DormOf(Customer);
        return new { name, latitude, longitude, radiusMetres = 50, departures };
    }

    /// <summary>Shanghai's time of day this far from now, as a departure ("HH:mm").</summary>
    private string LocalTime(TimeSpan fromNow) =>
        (app.Clock.GetUtcNow() + fromNow).ToOffset(ChinaTime.Offset).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>When a run at that time of day next leaves (every time used here is well past a kitchen's prep).</summary>
    private DateTimeOffset RunAt(string time) =>
        new BatchLineInfo(Guid.Empty, EastZone, "", default, 0, [time]).DepartureFor(app.Clock.GetUtcNow())!.Value;

    private async Task<JsonNode> QuoteAsync(HttpClient customer, object? extra = null)
    {
        var response = await customer.PostAsJsonAsync("/api/carts/quote", TierKit.Checkout(Customer, extra ?? new { }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private async Task<List<JsonNode>> ListAsync()
    {
        var response = await Ops.GetAsync(Lines);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await JsonOf(response)).AsArray().Select(l => l!).ToList();
    }
}

public sealed class OpsBatchLinesOnSqlite(LunchtimeSqliteApp app) : OpsBatchLineTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class OpsBatchLinesOnPostgres(LunchtimePostgresApp app) : OpsBatchLineTests(app), IClassFixture<LunchtimePostgresApp>;
