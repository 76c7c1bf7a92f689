using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Events;
using Kaifan.Ordering.Coupons;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// Coupons spent at checkout: the quote shows the tier's fee and the coupon's discount, placing spends the coupon once
/// even under parallel requests, a cancelled or expired order gives it back, and unusable coupons are refused by name.
/// </summary>
public abstract class CouponCheckoutTests(LunchtimeApp app)
{
    /// <summary>凉拌牛肉 ¥15 + 八宝盖碗茶 ¥8: items ¥23, packaging ¥1, delivery ¥3.</summary>
    private static object Checkout(int customer, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["merchantId"] = Shop,
            ["addressId"] = DemoCampus.Id($"address:{customer}"),
            ["lines"] = new[] { Line(ColdBeef, 1), Line(Tea, 1) },
        };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            body[p.Name] = p.GetValue(extra);
        }

        return body;
    }

    [Fact]
    public async Task the_quote_shows_the_guarantee_fee_and_the_coupon_discount_and_the_order_charges_exactly_that()
    {
        const int customer = 1;
        var client = app.Client(TestTokens.Customer(customer));
        var coupon = await app.IssueCouponAsync(customer, amountFen: 300);

        var plain = await JsonOf(await client.PostAsJsonAsync("/api/carts/quote", Checkout(customer)));
        plain["totalFen"]!.GetValue<long>().ShouldBe(2700);
        plain["serviceFeeFen"]!.GetValue<long>().ShouldBe(0);
        plain["discountFen"]!.GetValue<long>().ShouldBe(0);
        var offer = plain["guarantee"]!;
        offer["isEstimate"]!.GetValue<bool>().ShouldBeTrue();
        offer["feeFen"]!.GetValue<long>().ShouldBe(200);
        (offer["to"]!.GetValue<DateTimeOffset>() - offer["from"]!.GetValue<DateTimeOffset>()).ShouldBe(TimeSpan.FromMinutes(6));

        var quoted = await client.PostAsJsonAsync("/api/carts/quote", Checkout(customer, new { serviceTier = "guaranteed", couponId = coupon }));
        quoted.StatusCode.ShouldBe(HttpStatusCode.OK, await quoted.Content.ReadAsStringAsync());
        var quote = await JsonOf(quoted);
        quote["serviceTier"]!.GetValue<string>().ShouldBe("guaranteed");
        quote["serviceFeeFen"]!.GetValue<long>().ShouldBe(200);
        quote["couponId"]!.GetValue<Guid>().ShouldBe(coupon);
        quote["discountFen"]!.GetValue<long>().ShouldBe(300);
        quote["totalFen"]!.GetValue<long>().ShouldBe(2700 + 200 - 300);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused", "a quote spends nothing");

        var order = await PlacedAsync(client, Checkout(customer, new { serviceTier = "guaranteed", couponId = coupon }));
        order["totalFen"]!.GetValue<long>().ShouldBe(2600);
        order["discountFen"]!.GetValue<long>().ShouldBe(300);
        order["couponId"]!.GetValue<Guid>().ShouldBe(coupon);
        var mine = (await app.CouponsAsync(customer)).Single(c => c!["id"]!.GetValue<Guid>() == coupon)!;
        mine["status"]!.GetValue<string>().ShouldBe("used");
        mine["usedByOrderId"]!.GetValue<Guid>().ShouldBe(IdOf(order));
    }

    [Fact]
    public async Task the_quote_offers_the_batch_line_only_on_a_line_and_prices_a_locker_delivery_to_the_locker()
    {
        var onLine = await JsonOf(await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/carts/quote", Checkout(1)));
        onLine["batchLine"]!["name"]!.GetValue<string>().ShouldStartWith("东区宿舍楼群");

        // The run an order placed now would take: the first departure (every 30 min) once a typical kitchen's 15 min are
        // up, and the arrival estimated from it.
        var next = onLine["batchLine"]!["nextDeparture"]!.GetValue<DateTimeOffset>();
        (next - app.Clock.GetUtcNow()).ShouldBeInRange(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45));
        next.ToOffset(TimeSpan.FromHours(8)).Minute.ShouldBeOneOf(0, 30);
        onLine["batchLine"]!["estimatedArrivalAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(next);
        var batch = await JsonOf(await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/carts/quote", Checkout(1, new { serviceTier = "batch" })));
        batch["estimatedArrivalAt"]!.GetValue<DateTimeOffset>().ShouldBe(batch["batchLine"]!["estimatedArrivalAt"]!.GetValue<DateTimeOffset>());
        batch["estimatedArrivalAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(next);

        var offLine = app.Client(TestTokens.Customer(4));
        (await JsonOf(await offLine.PostAsJsonAsync("/api/carts/quote", Checkout(4))))["batchLine"].ShouldBeNull();
        var refused = await offLine.PostAsJsonAsync("/api/carts/quote", Checkout(4, new { serviceTier = "batch" }));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("serviceTier");

        var locker = await JsonOf(await offLine.PostAsJsonAsync("/api/carts/quote", Checkout(4, new { delivery = "locker", lockerId = DemoCampus.Id("locker:1-1") })));
        locker["delivery"]!.GetValue<string>().ShouldBe("locker");
        locker["lockerId"]!.GetValue<Guid>().ShouldBe(DemoCampus.Id("locker:1-1"));
        locker["totalFen"]!.GetValue<long>().ShouldBe(2300 + 100 + locker["deliveryFeeFen"]!.GetValue<long>());
        var unknown = await offLine.PostAsJsonAsync("/api/carts/quote", Checkout(4, new { delivery = "locker", lockerId = Guid.NewGuid() }));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonOf(unknown))["field"]!.GetValue<string>().ShouldBe("lockerId");
    }

    [Fact]
    public async Task parallel_orders_spending_one_coupon_place_exactly_one_order_and_refuse_the_rest_naming_the_coupon()
    {
        const int customer = 2;
        var client = app.Client(TestTokens.Customer(customer));
        var coupon = await app.IssueCouponAsync(customer, amountFen: 500);
        var before = await app.OrderCountAsync(customer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            PlaceAsync(client, Checkout(customer, new { couponId = coupon }), Guid.NewGuid().ToString())));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
            (await JsonOf(refused))["field"]!.GetValue<string>().ShouldBe("couponId");
        }

        (await app.OrderCountAsync(customer)).ShouldBe(before + 1);
        var winner = await JsonOf(responses.Single(r => r.StatusCode == HttpStatusCode.Created));
        winner["totalFen"]!.GetValue<long>().ShouldBe(2700 - 500);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("used");
    }

    [Fact]
    public async Task a_cancelled_order_gives_its_coupon_back_once_and_it_can_be_spent_again()
    {
        const int customer = 3;
        var client = app.Client(TestTokens.Customer(customer));
        var coupon = await app.IssueCouponAsync(customer, amountFen: 400);
        var order = IdOf(await PlacedAsync(client, Checkout(customer, new { couponId = coupon })));
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("used");

        (await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "不想要了" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused");
        (await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The deadline of the cancelled order still fires later: it must not hand back a coupon spent elsewhere since.
        var again = IdOf(await PlacedAsync(client, Checkout(customer, new { couponId = coupon })));
        await app.DeadlineAsync(order);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("used");
        (await app.CouponsAsync(customer)).Single(c => c!["id"]!.GetValue<Guid>() == coupon)!["usedByOrderId"]!.GetValue<Guid>().ShouldBe(again);
    }

    [Fact]
    public async Task an_unpaid_order_that_expires_gives_its_coupon_back_once()
    {
        const int customer = 4;
        var client = app.Client(TestTokens.Customer(customer));
        var coupon = await app.IssueCouponAsync(customer, amountFen: 300);
        var order = IdOf(await PlacedAsync(client, Checkout(customer, new { couponId = coupon })));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await app.DeadlineAsync(order);
        await app.DeadlineAsync(order);

        (await app.StatusAsync(order, customer)).ShouldBe("Cancelled");
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused");
    }

    [Fact]
    public async Task unknown_foreign_used_expired_and_too_small_carts_are_refused_naming_couponId_and_change_nothing()
    {
        const int customer = 5;
        var client = app.Client(TestTokens.Customer(customer));
        var before = await app.OrderCountAsync(customer);
        var refused = await app.IssueRefusedCouponsAsync(customer);

        foreach (var (coupon, status) in refused.Cases)
        {
            await (await client.PostAsJsonAsync("/api/carts/quote", Checkout(customer, new { couponId = coupon }))).ShouldBeRefusedAsync(status, "couponId");
            await (await PlaceAsync(client, Checkout(customer, new { couponId = coupon }), Guid.NewGuid().ToString())).ShouldBeRefusedAsync(status, "couponId");
        }

        (await app.OrderCountAsync(customer)).ShouldBe(before);
        await refused.ShouldBeUnchangedAsync(app, customer);

        // 凉拌牛肉 ×2 + 茶 ×1 = ¥38 meets 满¥30: the same coupon now takes ¥6 off.
        var big = await JsonOf(await client.PostAsJsonAsync("/api/carts/quote", new
        {
            merchantId = Shop, addressId = DemoCampus.Id($"address:{customer}"), lines = new[] { Line(ColdBeef, 2), Line(Tea, 1) }, couponId = refused.TooSmall,
        }));
        big["discountFen"]!.GetValue<long>().ShouldBe(600);
    }

    /// <summary>
    /// A coupon its promotion took back (邀请有礼: the friend was not new) is refused as no longer valid, not as used or
    /// expired: when withdrawn before the checkout, and when the withdrawal lands while the order spending it is saved.
    /// </summary>
    [Fact]
    public async Task a_withdrawn_coupon_is_refused_as_no_longer_valid_also_when_withdrawn_while_the_order_is_saved()
    {
        const int customer = 2;
        var client = app.Client(TestTokens.Customer(customer));
        var bus = app.Services.GetRequiredService<IMessageBus>();
        CouponWithdrawn Withdrawal(Guid coupon) => new(coupon, DemoCampus.CustomerId(customer), "测试撤回 (test)", app.Clock.GetUtcNow());
        var before = await app.OrderCountAsync(customer);
        var taken = await app.IssueCouponAsync(customer, amountFen: 500);
        await bus.InvokeAsync(Withdrawal(taken));

        await ShouldBeNoLongerValidAsync(await client.PostAsJsonAsync("/api/carts/quote", Checkout(customer, new { couponId = taken })));
        await ShouldBeNoLongerValidAsync(await PlaceAsync(client, Checkout(customer, new { couponId = taken }), Guid.NewGuid().ToString()));
        (await app.OrderCountAsync(customer)).ShouldBe(before);
        if (app.Provider == Provider.Postgres)
        {
            await ShouldRefuseWhenWithdrawnDuringPlacementAsync(client, customer, Withdrawal);
            (await app.OrderCountAsync(customer)).ShouldBe(before);
        }
    }

    /// <summary>
    /// The withdrawal's update is made to wait on the coupon's row, and the order behind it: the order read the coupon
    /// still unused, and its own update finds the row changed once the withdrawal commits. PostgreSQL only: with
    /// SQLite's single writer the order never reaches its update while another write is open.
    /// </summary>
    private async Task ShouldRefuseWhenWithdrawnDuringPlacementAsync(HttpClient client, int customer, Func<Guid, CouponWithdrawn> withdrawal)
    {
        var coupon = await app.IssueCouponAsync(customer, amountFen: 500);
        await using var holder = new NpgsqlConnection(app.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var select = new NpgsqlCommand("""SELECT 1 FROM ordering.ordering_coupons WHERE "Id" = @id FOR UPDATE""", holder, hold))
        {
            select.Parameters.AddWithValue("id", coupon);
            await select.ExecuteNonQueryAsync();
        }

        var withdrawing = app.Services.GetRequiredService<IMessageBus>().InvokeAsync(withdrawal(coupon));
        await PaymentProbe.EventuallyAsync(async () => await LockWaitersAsync() == 1, "the withdrawal waits for the coupon's row");
        var placing = PlaceAsync(client, Checkout(customer, new { couponId = coupon }), Guid.NewGuid().ToString());
        await PaymentProbe.EventuallyAsync(async () => await LockWaitersAsync() == 2, "the order waits behind it");
        await hold.RollbackAsync();

        await withdrawing;
        await ShouldBeNoLongerValidAsync(await placing);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("withdrawn");
    }

    /// <summary>A coupon spent before its withdrawal arrived stays spent; the cancelled order gives it back ended, not usable.</summary>
    [Fact]
    public async Task a_spent_coupon_withdrawn_and_then_given_back_by_a_cancelled_order_is_no_longer_valid()
    {
        const int customer = 3;
        var client = app.Client(TestTokens.Customer(customer));
        var coupon = await app.IssueCouponAsync(customer, amountFen: 400);
        var order = IdOf(await PlacedAsync(client, Checkout(customer, new { couponId = coupon })));
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(
            new CouponWithdrawn(coupon, DemoCampus.CustomerId(customer), "测试撤回 (test)", app.Clock.GetUtcNow()));
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("used");

        (await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "不想要了" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("withdrawn");
        await ShouldBeNoLongerValidAsync(await client.PostAsJsonAsync("/api/carts/quote", Checkout(customer, new { couponId = coupon })));
    }

    private async Task<long> LockWaitersAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task ShouldBeNoLongerValidAsync(HttpResponseMessage refused)
    {
        var body = await refused.Content.ReadAsStringAsync();
        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "couponId");
        JsonNode.Parse(body)!["detail"]!.GetValue<string>().ShouldBe("该红包已失效 (the coupon is no longer valid)");
    }

    [Fact]
    public async Task every_demo_customer_starts_with_a_no_threshold_coupon_and_a_30_minus_6_coupon()
    {
        var coupons = await app.CouponsAsync(5);
        var welcome = coupons.Single(c => c!["id"]!.GetValue<Guid>() == DemoCoupons.WelcomeId(5))!;
        welcome["minSpendFen"]!.GetValue<long>().ShouldBe(0);
        welcome["amountFen"]!.GetValue<long>().ShouldBe(300);
        var full = coupons.Single(c => c!["id"]!.GetValue<Guid>() == DemoCoupons.FullReductionId(5))!;
        full["minSpendFen"]!.GetValue<long>().ShouldBe(3000);
        full["amountFen"]!.GetValue<long>().ShouldBe(600);
        (await app.Client(TestTokens.Customer(4)).GetFromJsonAsync<JsonArray>("/api/me/coupons"))!
            .ShouldNotContain(c => c!["id"]!.GetValue<Guid>() == DemoCoupons.WelcomeId(5), "only the owner sees a coupon");
    }
}

public sealed class CouponCheckoutOnSqlite(LunchtimeSqliteApp app) : CouponCheckoutTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class CouponCheckoutOnPostgres(LunchtimePostgresApp app) : CouponCheckoutTests(app), IClassFixture<LunchtimePostgresApp>;
