using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Ordering;

public abstract class PaymentTimeoutTests(ShortPaymentTimeoutApp app)
{
    [Fact]
    public async Task an_unpaid_order_is_cancelled_by_its_durable_deadline_message_without_any_help()
    {
        var client = app.Client(TestTokens.Customer(1));
        var order = await OrderingTests.PlacedAsync(client, OrderingTests.RiceAndTea(1));
        var id = order["id"]!.GetValue<Guid>();

        // The scheduler runs on the wall clock and the handler reads ours: move ours along with it.
        var waited = Stopwatch.StartNew();
        var status = "";
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            app.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(500);
            status = (await client.GetFromJsonAsync<JsonObject>($"/api/orders/{id}"))!["status"]!.GetValue<string>();
            if (status == "Cancelled")
            {
                break;
            }
        }

        status.ShouldBe("Cancelled");
    }
}

public sealed class PaymentTimeoutOnSqlite(ShortPaymentTimeoutSqliteApp app) : PaymentTimeoutTests(app), IClassFixture<ShortPaymentTimeoutSqliteApp>;

public sealed class PaymentTimeoutOnPostgres(ShortPaymentTimeoutPostgresApp app) : PaymentTimeoutTests(app), IClassFixture<ShortPaymentTimeoutPostgresApp>;
