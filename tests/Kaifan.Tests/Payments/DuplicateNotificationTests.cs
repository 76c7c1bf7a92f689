using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>A sandbox that always sends each callback twice, and a host that records what it answered to each.</summary>
public abstract class DuplicatingSandboxApp(Provider provider) : LunchtimeApp(provider)
{
    public ConcurrentQueue<int> PaymentCallbackAnswers { get; } = new();

    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Payments:Sandbox:DuplicateRate"] = "1.0";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RecordCallbacks(PaymentCallbackAnswers)));
    }

    private sealed class RecordCallbacks(ConcurrentQueue<int> answers) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                await proceed(context);
                if (context.Request.Path == ForgedNotifications.PaymentPath)
                {
                    answers.Enqueue(context.Response.StatusCode);
                }
            });
            next(app);
        };
    }
}

public sealed class DuplicatingSqliteApp() : DuplicatingSandboxApp(Provider.Sqlite);

public sealed class DuplicatingPostgresApp() : DuplicatingSandboxApp(Provider.Postgres);

public abstract class DuplicateNotificationTests(DuplicatingSandboxApp app)
{
    private readonly PaymentProbe probe = new(app);

    [Fact]
    public async Task a_callback_the_sandbox_delivers_twice_moves_the_payment_once()
    {
        var (orderId, _) = await PaymentOrders.PlaceAsync(app, customer: 2);
        var response = await app.Client(TestTokens.Customer(2)).PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" });
        var payment = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paymentId = payment.GetProperty("paymentId").GetGuid();

        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PaymentProbe.EventuallyAsync(() => Task.FromResult(app.PaymentCallbackAnswers.Count >= 2), "the callback arrives twice", seconds: 20);
        app.PaymentCallbackAnswers.ShouldAllBe(status => status == StatusCodes.Status200OK);
        await PaymentProbe.EventuallyAsync(async () => await probe.OrderStatusAsync(orderId, 2) == "AwaitingAcceptance", "order awaits acceptance");
        (await probe.PaymentStatusAsync(paymentId, 2)).ShouldBe("Succeeded");
        (await probe.TransitionCountAsync(paymentId)).ShouldBe(1);
    }
}

public sealed class DuplicateNotificationsOnSqlite(DuplicatingSqliteApp app) : DuplicateNotificationTests(app), IClassFixture<DuplicatingSqliteApp>;

public sealed class DuplicateNotificationsOnPostgres(DuplicatingPostgresApp app) : DuplicateNotificationTests(app), IClassFixture<DuplicatingPostgresApp>;
