using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// 再来一单 with a coupon: the reorder quote shows the discount it will charge, placing spends the coupon once even
/// under parallel requests, a cancelled or expired reorder gives it back once, and a coupon checkout would refuse is
/// refused here too, by name, with nothing changed.
/// </summary>
public abstract class ReorderCouponTests(LunchtimeApp app)
{
    /// <summary>凉拌牛肉 ¥15 + 八宝盖碗茶 ¥8: items ¥23, packaging ¥1, delivery ¥3 = ¥27.</summary>
    private async Task<Guid> PastOrderAsync(int customer) =>
        IdOf(await PlacedAsync(app.Client(TestTokens.Customer(customer)), Cart(customer, Line(ColdBeef, 1), Line(Tea, 1))));

    private static Task<HttpResponseMessage> ReorderAsync(HttpClient client, Guid past, Guid? coupon, string? key = null) =>
        PlaceAsync(client, coupon is null ? new { } : new { couponId = coupon }, key ?? Guid.NewGuid().ToString(), $"/api/orders/{past}/reorder");

    private static Task<HttpResponseMessage> QuoteAsync(HttpClient client, Guid past, Guid coupon) =>
        client.GetAsync($"/api/orders/{past}/reorder?couponId={coupon}");

    [Fact]
    public async Task a_reorder_with_a_coupon_is_quoted_and_charged_the_discounted_price_and_spends_the_coupon_once()
    {
        const int customer = 1;
        var client = app.Client(TestTokens.Customer(customer));
        var past = await PastOrderAsync(customer);
        var coupon = await app.IssueCouponAsync(customer, amountFen: 300);

        var quoted = await QuoteAsync(client, past, coupon);
        quoted.StatusCode.ShouldBe(HttpStatusCode.OK, await quoted.Content.ReadAsStringAsync());
        var quote = await JsonOf(quoted);
        quote["quote"]!["couponId"]!.GetValue<Guid>().ShouldBe(coupon);
        quote["quote"]!["discountFen"]!.GetValue<long>().ShouldBe(300);
        quote["quote"]!["totalFen"]!.GetValue<long>().ShouldBe(2700 - 300);
        quote["placeRequest"]!["couponId"]!.GetValue<Guid>().ShouldBe(coupon);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused", "a quote spends nothing");

        var key = Guid.NewGuid().ToString();
        var placed = await ReorderAsync(client, past, coupon, key);
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var order = (await JsonOf(placed))["order"]!;
        order["totalFen"]!.GetValue<long>().ShouldBe(quote["quote"]!["totalFen"]!.GetValue<long>());
        order["discountFen"]!.GetValue<long>().ShouldBe(300);
        order["couponId"]!.GetValue<Guid>().ShouldBe(coupon);
        var spent = await app.CouponAsync(customer, coupon);
        spent["status"]!.GetValue<string>().ShouldBe("used");
        spent["usedByOrderId"]!.GetValue<Guid>().ShouldBe(IdOf(order));

        // The same tap again replays the order; a new tap finds the coupon spent.
        var before = await app.OrderCountAsync(customer);
        IdOf((await JsonOf(await ReorderAsync(client, past, coupon, key)))["order"]!).ShouldBe(IdOf(order));
        var second = await ReorderAsync(client, past, coupon);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonOf(second))["field"]!.GetValue<string>().ShouldBe("couponId");
        (await app.OrderCountAsync(customer)).ShouldBe(before);

        // A key carries the one request it was first used for: the same key without the coupon is another request.
        (await ReorderAsync(client, past, null, key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task parallel_reorders_spending_one_coupon_place_exactly_one_order_and_refuse_the_rest_naming_the_coupon()
    {
        const int customer = 2;
        var client = app.Client(TestTokens.Customer(customer));
        var past = await PastOrderAsync(customer);
        var coupon = await app.IssueCouponAsync(customer, amountFen: 500);
        var before = await app.OrderCountAsync(customer);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ReorderAsync(client, past, coupon)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
            (await JsonOf(refused))["field"]!.GetValue<string>().ShouldBe("couponId");
        }

        (await app.OrderCountAsync(customer)).ShouldBe(before + 1);
        var winner = (await JsonOf(responses.Single(r => r.StatusCode == HttpStatusCode.Created)))["order"]!;
        winner["totalFen"]!.GetValue<long>().ShouldBe(2700 - 500);
        (await app.CouponAsync(customer, coupon))["usedByOrderId"]!.GetValue<Guid>().ShouldBe(IdOf(winner));
    }

    [Fact]
    public async Task a_cancelled_reorder_gives_its_coupon_back_once_and_it_can_be_spent_again()
    {
        const int customer = 3;
        var client = app.Client(TestTokens.Customer(customer));
        var past = await PastOrderAsync(customer);
        var coupon = await app.IssueCouponAsync(customer, amountFen: 400);
        var order = IdOf((await JsonOf(await ReorderAsync(client, past, coupon)))["order"]!);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("used");

        (await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "不想要了" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused");
        (await client.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The cancelled order's deadline still fires later: it must not hand back the coupon a new reorder spent since.
        var again = await ReorderAsync(client, past, coupon);
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        await app.DeadlineAsync(order);
        (await app.CouponAsync(customer, coupon))["usedByOrderId"]!.GetValue<Guid>().ShouldBe(IdOf((await JsonOf(again))["order"]!));
    }

    [Fact]
    public async Task an_unpaid_reorder_that_expires_gives_its_coupon_back_once()
    {
        const int customer = 4;
        var client = app.Client(TestTokens.Customer(customer));
        var past = await PastOrderAsync(customer);
        var coupon = await app.IssueCouponAsync(customer, amountFen: 300);
        var order = IdOf((await JsonOf(await ReorderAsync(client, past, coupon)))["order"]!);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await app.DeadlineAsync(order);
        await app.DeadlineAsync(order);

        (await app.StatusAsync(order, customer)).ShouldBe("Cancelled");
        (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused");
    }

    [Fact]
    public async Task empty_unknown_foreign_used_expired_and_too_small_coupons_are_refused_naming_couponId_and_change_nothing()
    {
        const int customer = 5;
        var client = app.Client(TestTokens.Customer(customer));
        var past = await PastOrderAsync(customer);
        var before = await app.OrderCountAsync(customer);
        var refused = await app.IssueRefusedCouponsAsync(customer);

        foreach (var (coupon, status) in refused.Cases.Prepend((Guid.Empty, HttpStatusCode.BadRequest)))
        {
            await (await QuoteAsync(client, past, coupon)).ShouldBeRefusedAsync(status, "couponId");
            await (await ReorderAsync(client, past, coupon)).ShouldBeRefusedAsync(status, "couponId");
        }

        (await app.OrderCountAsync(customer)).ShouldBe(before);
        await refused.ShouldBeUnchangedAsync(app, customer);
    }

    [Fact]
    public async Task a_coupons_minimum_spend_counts_only_the_dishes_still_on_sale()
    {
        const int customer = 5;
        var client = app.Client(TestTokens.Customer(customer));

        // 凉拌牛肉 ¥15 + 八宝盖碗茶 ×2 ¥16 = ¥31 meets 满¥30, until the tea is taken off the menu.
        var past = IdOf(await PlacedAsync(client, Cart(customer, Line(ColdBeef, 1), Line(Tea, 2))));
        var coupon = await app.IssueCouponAsync(customer, amountFen: 600, minSpendFen: 3000);
        (await JsonOf(await QuoteAsync(client, past, coupon)))["quote"]!["discountFen"]!.GetValue<long>().ShouldBe(600);

        await app.SetListedAsync(Tea, listed: false);
        try
        {
            var before = await app.OrderCountAsync(customer);
            foreach (var response in new[] { await QuoteAsync(client, past, coupon), await ReorderAsync(client, past, coupon) })
            {
                response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
                (await JsonOf(response))["field"]!.GetValue<string>().ShouldBe("couponId");
            }

            (await app.OrderCountAsync(customer)).ShouldBe(before);
            (await app.CouponStatusAsync(customer, coupon)).ShouldBe("unused");
        }
        finally
        {
            await app.SetListedAsync(Tea, listed: true);
        }
    }
}

public sealed class ReorderCouponOnSqlite(LunchtimeSqliteApp app) : ReorderCouponTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ReorderCouponOnPostgres(LunchtimePostgresApp app) : ReorderCouponTests(app), IClassFixture<LunchtimePostgresApp>;
