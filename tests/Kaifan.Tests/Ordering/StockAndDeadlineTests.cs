using System.Diagnostics;
using System.Net;
using Kaifan.Contracts.Events;
using Kaifan.Ordering;
using Kaifan.Ordering.Payments;
using Kaifan.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>Catalog's real stock under parallel orders, and the payment deadline giving stock back; each test uses its own dish.</summary>
public abstract class StockAndDeadlineTests(LunchtimeApp app)
{
    [Fact]
    public async Task fifty_parallel_orders_for_ten_in_stock_sell_exactly_ten_and_stock_never_goes_negative()
    {
        await app.SetStockAsync(ColdBeef, 10);
        try
        {
            var clients = Enumerable.Range(1, 5).Select(n => (n, client: app.Client(TestTokens.Customer(n)))).ToList();

            var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            {
                var (n, client) = clients[i % 5];
                return PlaceAsync(client, Cart(n, Line(ColdBeef, 1)), Guid.NewGuid().ToString());
            }));

            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
            responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(40);
            (await app.StockAsync(ColdBeef)).ShouldBe(0);
            var conflict = await JsonOf(responses.First(r => r.StatusCode == HttpStatusCode.Conflict));
            conflict["field"]!.GetValue<string>().ShouldBe("lines[0].itemId");
        }
        finally
        {
            await app.SetStockAsync(ColdBeef, null);
        }
    }

    [Fact]
    public async Task an_unpaid_order_is_cancelled_at_its_payment_deadline_and_not_a_moment_before()
    {
        var order = await PlacedAsync(app.Client(TestTokens.Customer(4)), BeefRiceAndTea(4));
        var id = IdOf(order);
        var bus = app.Services.GetRequiredService<IMessageBus>();

        await bus.InvokeAsync(new PaymentDeadlineReached(id));
        (await app.StatusAsync(id, 4)).ShouldBe("AwaitingPayment");

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await bus.InvokeAsync(new PaymentDeadlineReached(id));
        var cancelled = await JsonOf(await app.Client(TestTokens.Customer(4)).GetAsync($"/api/orders/{id}"));
        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled["cancelReason"]!.GetValue<string>().ShouldBe("支付超时");
        cancelled["cancelledBy"]!.GetValue<string>().ShouldBe("System");
        cancelled["refundDue"]!.GetValue<bool>().ShouldBeFalse();

        await bus.InvokeAsync(new PaymentDeadlineReached(id));
        (await app.StatusAsync(id, 4)).ShouldBe("Cancelled");
    }

    [Fact]
    public async Task money_that_overtakes_a_deadline_cancellation_is_announced_as_a_refund_due()
    {
        var id = IdOf(await PlacedAsync(app.Client(TestTokens.Customer(5)), BeefRiceAndTea(5)));
        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PaymentDeadlineReached(id));

        await using var scope = app.Services.CreateAsyncScope();
        var late = new PaymentSucceeded(Guid.NewGuid(), id, 1, "sandbox-tx", app.Clock.GetUtcNow());
        var messages = await PaymentEventsHandler.Handle(late, scope.ServiceProvider.GetRequiredService<OrderingDb>(), CancellationToken.None);

        messages.OfType<OrderCancelled>().ShouldHaveSingleItem().RefundDue.ShouldBeTrue();
        messages.OfType<OrderPaid>().ShouldBeEmpty();
        (await app.StatusAsync(id, 5)).ShouldBe("Cancelled");
    }

    [Fact]
    public async Task an_unpaid_order_cancelled_at_its_deadline_puts_its_stock_back()
    {
        await app.SetStockAsync(BraisedEgg, 20);
        try
        {
            var order = await PlacedAsync(app.Client(TestTokens.Customer(2)), Cart(2, Line(BraisedEgg, 8)));
            (await app.StockAsync(BraisedEgg)).ShouldBe(12);

            app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
            await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PaymentDeadlineReached(IdOf(order)));

            (await app.StatusAsync(IdOf(order), 2)).ShouldBe("Cancelled");

            // Catalog hears of the cancellation through the durable outbox, a moment later.
            var waited = Stopwatch.StartNew();
            while (await app.StockAsync(BraisedEgg) != 20 && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }

            (await app.StockAsync(BraisedEgg)).ShouldBe(20);
        }
        finally
        {
            await app.SetStockAsync(BraisedEgg, null);
        }
    }
}

public sealed class StockAndDeadlineOnSqlite(LunchtimeSqliteApp app) : StockAndDeadlineTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class StockAndDeadlineOnPostgres(LunchtimePostgresApp app) : StockAndDeadlineTests(app), IClassFixture<LunchtimePostgresApp>;
