using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaifan.Tests.Payments;

/// <summary>What the payment tests look at from outside: the customer's views of payments and orders, and the outbox.</summary>
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

    /// <summary>Polls until the condition holds; the sandbox's callbacks arrive over HTTP, asynchronously.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Not within {seconds} s: {what}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// How many times an integration event about this payment went through Wolverine's durable inbox: the proof
    /// that a transition published its event once, not just that its effect is idempotent.
    /// </summary>
    public async Task<int> EventCountAsync(string eventName, Guid paymentId)
    {
        var idText = paymentId.ToString();
        if (app.Provider == Provider.Sqlite)
        {
            await using var connection = new SqliteConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM wolverine_incoming_envelopes WHERE message_type LIKE $type AND CAST(body AS TEXT) LIKE $id";
            command.Parameters.AddWithValue("$type", $"%{eventName}%");
            command.Parameters.AddWithValue("$id", $"%{idText}%");
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var pg = new NpgsqlConnection(app.ConnectionString);
        await pg.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT COUNT(*) FROM wolverine.wolverine_incoming_envelopes WHERE message_type LIKE @type AND convert_from(body, 'UTF8') LIKE @id", pg);
        query.Parameters.AddWithValue("type", $"%{eventName}%");
        query.Parameters.AddWithValue("id", $"%{idText}%");
        return Convert.ToInt32(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
