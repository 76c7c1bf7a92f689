using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Delivery.DeliveryKit;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Calls;

/// <summary>
/// 号码保护: the parties of an order reach each other through relay numbers the sandbox carrier resolves, only while the
/// order makes a call sensible, never learning a real phone; the call log keeps phones encrypted only.
/// </summary>
public abstract class CallRelayTests(LunchtimeApp app)
{
    [Fact]
    public async Task customer_rider_and_merchant_reach_each_other_through_relay_numbers_and_nobody_else_can()
    {
        const int customer = 3, rider = 3;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        var asCustomer = app.Client(TestTokens.Customer(customer));
        try
        {
            var early = await CallAsync(asCustomer, orderId, "rider");
            await early.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "to");
            (await early.Content.ReadAsStringAsync()).ShouldContain("骑手尚未接单");

            // A nervous customer taps 联系商家 four times at once: one binding, the same number for every tap.
            var taps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RelayAsync(asCustomer, orderId, "merchant")));
            taps.Select(t => t["extension"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
            (await ReachedAsync(taps[0])).ShouldBe(DemoCampus.MerchantPhone(1));

            await app.AssignAsync(orderId, rider);
            var toRider = await RelayAsync(asCustomer, orderId, "rider");
            (await ReachedAsync(toRider)).ShouldBe(DemoCampus.RiderPhone(rider));
            toRider["display"]!.GetValue<string>().ShouldBe($"170 0000 1234 转 {toRider["extension"]}");
            toRider["dial"]!.GetValue<string>().ShouldBe($"tel:17000001234,{toRider["extension"]}");
            var again = await RelayAsync(asCustomer, orderId, "rider");
            again["extension"]!.GetValue<string>().ShouldBe(toRider["extension"]!.GetValue<string>(), "a repeated tap reuses the live binding");
            again["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(toRider["expiresAt"]!.GetValue<DateTimeOffset>());

            var toCustomer = await RelayAsync(app.Rider(rider), orderId, "customer");
            (await ReachedAsync(toCustomer)).ShouldBe(DemoCampus.CustomerPhone(customer));
            (await ReachedAsync(await RelayAsync(app.Staff(), orderId, "rider"))).ShouldBe(DemoCampus.RiderPhone(rider));

            (await CallAsync(app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer)), orderId, "rider")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await CallAsync(app.Rider(rider + 1), orderId, "customer")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await CallAsync(app.Client(TestTokens.MerchantStaff(2)), orderId, "customer")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await CallAsync(app.Client(TestTokens.Operator()), orderId, "customer")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            await (await CallAsync(asCustomer, orderId, "customer")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "to");
            await (await CallAsync(asCustomer, orderId, "police")).ShouldBeRefusedAsync(HttpStatusCode.BadRequest, "to");

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderingDb>();
            var rows = await db.CallBindings.AsNoTracking().Where(b => b.OrderId == orderId).ToListAsync();
            rows.Count.ShouldBe(4, "customer→merchant, customer→rider once, rider→customer, merchant→rider");
            var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
            foreach (var row in rows)
            {
                var digits = protector.Unprotect(row.CalleePhoneProtected)[^8..];
                new[] { row.CalleePhoneProtected, row.RelayNumber, row.Extension }.ShouldAllBe(column => !column.Contains(digits));
            }

            var calls = (await JsonOf(await asCustomer.GetAsync("/api/me/data-export")))["sections"]!["calls"]!.AsArray();
            calls.Count.ShouldBe(3, "the merchant's call to the rider is not the customer's");
            calls.Single(c => c!["caller"]!.GetValue<string>() == "rider")!["calleePhone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(customer));
            calls.Where(c => c!["callee"]!.GetValue<string>() != "customer").ShouldAllBe(c => c!["calleePhone"] == null);
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task a_rider_taken_off_the_order_stops_reaching_the_customer_and_being_reached_at_once()
    {
        const int customer = 4, rider = 7;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        try
        {
            await app.AssignAsync(orderId, rider);
            var toRider = await RelayAsync(app.Client(TestTokens.Customer(customer)), orderId, "rider");
            var toCustomer = await RelayAsync(app.Rider(rider), orderId, "customer");
            (await ReachedAsync(toCustomer)).ShouldBe(DemoCampus.CustomerPhone(customer));

            (await app.Client(TestTokens.Operator()).PostAsync($"/api/ops/orders/{orderId}/reassign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

            await PaymentProbe.EventuallyAsync(
                async () => (await DialAsync(toRider)).StatusCode == HttpStatusCode.NotFound && (await DialAsync(toCustomer)).StatusCode == HttpStatusCode.NotFound,
                "both of the old rider's numbers say 号码已失效");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    [Fact]
    public async Task relay_numbers_die_30_minutes_after_delivery_and_erasure_removes_the_customers_phone_from_the_log()
    {
        const int customer = 5, rider = 5;
        var orderId = await app.AcceptedOrderAsync(customer, ready: true);
        var asCustomer = app.Client(TestTokens.Customer(customer));
        try
        {
            await app.AssignAsync(orderId, rider);
            var toRider = await RelayAsync(asCustomer, orderId, "rider");
            await app.PickUpAsync(rider, orderId);
            (await app.StepAsync(rider, orderId, "deliver", new { method = "door" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var deliveredAt = app.Clock.GetUtcNow();

            app.Clock.Advance(TimeSpan.FromMinutes(29));
            var lastCall = await RelayAsync(app.Rider(rider), orderId, "customer");
            lastCall["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(deliveredAt.AddMinutes(30), TimeSpan.FromSeconds(1), "no binding outlives the window");

            app.Clock.Advance(TimeSpan.FromMinutes(2));
            var dead = await app.Client().GetAsync($"/sandbox/calls/{toRider["relayNumber"]}/{toRider["extension"]}");
            dead.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await dead.Content.ReadAsStringAsync()).ShouldContain("号码已失效");
            (await app.Client().GetAsync($"/sandbox/calls/{lastCall["relayNumber"]}/{lastCall["extension"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var late = await CallAsync(asCustomer, orderId, "rider");
            await late.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "to");
            await (await CallAsync(app.Rider(rider), orderId, "customer")).ShouldBeRefusedAsync(HttpStatusCode.Conflict, "to");

            (await asCustomer.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await using var scope = app.Services.CreateAsyncScope();
            var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
            var rows = await scope.ServiceProvider.GetRequiredService<OrderingDb>().CallBindings.AsNoTracking().Where(b => b.OrderId == orderId).ToListAsync();
            protector.Unprotect(rows.Single(b => b.CalleeParty == "customer").CalleePhoneProtected).ShouldBe("已注销");
            protector.Unprotect(rows.Single(b => b.CalleeParty == "rider").CalleePhoneProtected).ShouldBe(DemoCampus.RiderPhone(rider), "the rider's phone is not the customer's to erase");
        }
        finally
        {
            await app.OfflineAsync(rider);
        }
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, Guid orderId, string to) =>
        client.PostAsJsonAsync($"/api/orders/{orderId}/calls", new { to });

    private static async Task<JsonNode> RelayAsync(HttpClient client, Guid orderId, string to)
    {
        var response = await CallAsync(client, orderId, to);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonOf(response);
    }

    private Task<HttpResponseMessage> DialAsync(JsonNode relay) => app.Client().GetAsync($"/sandbox/calls/{relay["relayNumber"]}/{relay["extension"]}");

    /// <summary>Dials the relay in the sandbox: the real phone the call reaches now.</summary>
    private async Task<string> ReachedAsync(JsonNode relay)
    {
        var reached = await DialAsync(relay);
        reached.StatusCode.ShouldBe(HttpStatusCode.OK, await reached.Content.ReadAsStringAsync());
        return (await JsonOf(reached))["phone"]!.GetValue<string>();
    }
}

public sealed class CallRelayOnSqlite(LunchtimeSqliteApp app) : CallRelayTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class CallRelayOnPostgres(LunchtimePostgresApp app) : CallRelayTests(app), IClassFixture<LunchtimePostgresApp>;
