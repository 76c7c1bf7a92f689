using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Payments;

/// <summary>Orders to pay for, placed and moved through Ordering's public API as its own clients do.</summary>
internal static class PaymentOrders
{
    /// <summary>Places a one-dish order from seeded merchant 1 to the customer's seeded address (the host's clock must be in opening hours).</summary>
    public static async Task<(Guid OrderId, long TotalFen)> PlaceAsync(KaifanApp app, int customer)
    {
        var client = app.Client(TestTokens.Customer(customer));
        var addressId = DemoCampus.Id($"address:{customer}");

        var merchantId = DemoCampus.MerchantId(1);
        var menu = await client.GetFromJsonAsync<JsonElement>($"/api/merchants/{merchantId}/menu");
        var item = menu.GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("items").EnumerateArray())
            .First(i => !i.GetProperty("soldOut").GetBoolean()
                && i.GetProperty("stock").ValueKind == JsonValueKind.Null
                && i.GetProperty("optionGroups").EnumerateArray().All(g => !g.GetProperty("required").GetBoolean()));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { merchantId, addressId, lines = new[] { new { itemId = item.GetProperty("id").GetGuid(), quantity = 1 } } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (order.GetProperty("id").GetGuid(), order.GetProperty("totalFen").GetInt64());
    }

    public static async Task RejectAsync(KaifanApp app, Guid orderId)
    {
        var response = await app.Client(TestTokens.MerchantStaff(1)).PostAsJsonAsync($"/api/merchant/orders/{orderId}/reject", new { reason = "食材用完了 (out of ingredients)" });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public static async Task CancelAsync(KaifanApp app, Guid orderId, int customer)
    {
        var response = await app.Client(TestTokens.Customer(customer)).PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "不想要了 (changed my mind)" });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
