using System.Net;
using System.Text.Json.Nodes;
using Kaifan.Ordering;
using Kaifan.Tests.Delivery;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Web.Shopping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Web;

/// <summary>
/// The live view order-live.js polls (/m/orders/{id}/live.json) carries the 准时宝 window in the page's language,
/// worded as the order page words it, once Tracking's promise reaches the order.
/// </summary>
public abstract class LiveGuaranteeWindowTests(HeldPromiseApp app)
{
    [Fact]
    public async Task a_guaranteed_orders_live_view_has_no_window_until_trackings_promise_arrives_then_the_one_the_page_shows()
    {
        const int customer = 1;
        var id = await AcceptedAsync(customer, new { serviceTier = "guaranteed" });
        var live = await LiveAsync(id, customer);
        live["status"]!.GetValue<string>().ShouldBe("Accepted");
        live["guarantee"].ShouldBeNull("the shop accepted but Tracking has not promised yet");

        await app.ReleasePromiseAsync(id);

        JsonNode window = null!;
        await PaymentProbe.EventuallyAsync(
            async () => (window = (await app.CustomerViewAsync(id, customer))["promisedWindow"]!) is not null, "Tracking's promise reaches the order");
        var (from, to) = (Display.Clock(window["from"]!.GetValue<DateTimeOffset>()), Display.Clock(window["to"]!.GetValue<DateTimeOffset>()));
        window["compensationFen"]!.GetValue<long>().ShouldBe(500, "the coupon a miss earns travels with the window");
        var chinese = $"承诺{from}–{to}送达，超时赔付¥5优惠券";
        (await LiveAsync(id, customer))["guarantee"]!.GetValue<string>().ShouldBe(chinese);
        (await LiveAsync(id, customer, "?culture=en"))["guarantee"]!.GetValue<string>().ShouldBe($"Promised {from}–{to}; late earns a ¥5 coupon");

        var page = await app.PageClient(TestTokens.Customer(customer)).GetStringAsync($"/m/orders/{id}");
        page.ShouldContain($"data-testid=\"guarantee-window\">{chinese}</div>", customMessage: "a reload shows the same words");
    }

    [Fact]
    public async Task a_standard_orders_live_view_has_no_guarantee_window_even_after_trackings_promise()
    {
        const int customer = 2;
        var id = await AcceptedAsync(customer, new { });
        await app.ReleasePromiseAsync(id);

        var live = await LiveAsync(id, customer);
        live["status"]!.GetValue<string>().ShouldBe("Accepted");
        live["guarantee"].ShouldBeNull();
    }

    [Fact]
    public async Task the_shop_marks_ready_an_order_it_read_before_trackings_promise_landed()
    {
        const int customer = 3;
        var id = await AcceptedAsync(customer, new { serviceTier = "guaranteed" });
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        var readBeforePromise = await db.Orders.SingleAsync(o => o.Id == id);

        await app.ReleasePromiseAsync(id);
        await PaymentProbe.EventuallyAsync(
            async () => (await app.CustomerViewAsync(id, customer))["promisedWindow"] is not null, "Tracking's promise reaches the order");

        readBeforePromise.MarkReady(DateTimeOffset.UtcNow).Done.ShouldBeTrue();
        await db.SaveChangesAsync();
        (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id)).PromisedAt.ShouldNotBeNull("出餐 kept the promise it did not read");
    }

    private async Task<Guid> AcceptedAsync(int customer, object checkout)
    {
        var placed = await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, checkout));
        return await app.AcceptPaidAsync(placed, customer, prepMinutes: 10);
    }

    private async Task<JsonNode> LiveAsync(Guid id, int customer, string query = "")
    {
        var response = await app.PageClient(TestTokens.Customer(customer)).GetAsync($"/m/orders/{id}/live.json{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await JsonOf(response);
    }
}

public sealed class LiveGuaranteeWindowOnSqlite(HeldPromiseSqliteApp app) : LiveGuaranteeWindowTests(app), IClassFixture<HeldPromiseSqliteApp>;

public sealed class LiveGuaranteeWindowOnPostgres(HeldPromisePostgresApp app) : LiveGuaranteeWindowTests(app), IClassFixture<HeldPromisePostgresApp>;
