using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Payments;

/// <summary>What the payment tests look at: the customer's views of payments and orders, and the intent's transition count.</summary>
internal sealed class PaymentProbe(KaifanApp app)
{
    public async Task<JsonElement> PaymentAsync(Guid paymentId, int customer)
    {
        var response = await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/payments/{paymentId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> PaymentStatusAsync(Guid paymentId, int customer) =>
        (await PaymentAsync(paymentId, customer)).GetProperty("status").GetString()!;

    public async Task<JsonElement> OrderAsync(Guid orderId, int customer)
    {
        var response = await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> OrderStatusAsync(Guid orderId, int customer) =>
        (await OrderAsync(orderId, customer)).GetProperty("status").GetString()!;

    /// <summary>
    /// Polls until the condition holds; the sandbox's callbacks arrive over HTTP, and events through the durable
    /// queues, asynchronously. The limit only bounds a broken run: on a loaded 2-core machine a queue can lag many
    /// seconds, and a pass still returns at the first poll that sees the condition.
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 45)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var pause = FirstPause;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Not within {seconds} s: {what}");
            }

            await Task.Delay(pause);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    // Most conditions hold within a flush or a queue hop (tens of milliseconds): a flat 200 ms pause made every such
    // wait cost 200 ms, and the dispatch tests wait hundreds of times. Doubling keeps a long wait at 5 polls a second.
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How many transitions the payment has made: its Version token moves once per committed transition, and each
    /// transition publishes its event in the same transaction, so this counts the events too.
    /// </summary>
    public async Task<int> TransitionCountAsync(Guid paymentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        return await db.Intents.Where(p => p.Id == paymentId).Select(p => p.Version).SingleAsync();
    }
}
