using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests;

/// <summary>
/// The foundation's whole loop through HTTP only, as the apps will drive it: a customer signs in with a texted
/// code, browses, orders, pays in the sandbox; the merchant signs in, accepts and marks ready; the customer
/// sees every status.
/// </summary>
public abstract class CoreLoopTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_customer_orders_and_pays_and_the_merchant_accepts_and_readies_while_the_customer_watches()
    {
        var customer = await SignInAsync(DemoCampus.CustomerPhone(3));

        var zones = await customer.GetFromJsonAsync<JsonElement[]>("/api/zones") ?? [];
        var zoneId = zones.First().GetProperty("id").GetGuid();
        var merchants = await customer.GetFromJsonAsync<JsonElement[]>($"/api/zones/{zoneId}/merchants") ?? [];
        var shop = merchants.First(m => m.GetProperty("isOpenNow").GetBoolean());
        var shopId = shop.GetProperty("id").GetGuid();
        var menu = await customer.GetFromJsonAsync<JsonElement>($"/api/merchants/{shopId}/menu");
        var dishes = menu.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray()).ToList();
        var plain = dishes.First(d => !d.GetProperty("soldOut").GetBoolean() && d.GetProperty("optionGroups").GetArrayLength() == 0);
        var withOptions = dishes.First(d => !d.GetProperty("soldOut").GetBoolean() && d.GetProperty("optionGroups").EnumerateArray().Any(g => g.GetProperty("required").GetBoolean()));
        var requiredChoices = withOptions.GetProperty("optionGroups").EnumerateArray()
            .Where(g => g.GetProperty("required").GetBoolean())
            .Select(g => g.GetProperty("options")[0].GetProperty("id").GetGuid())
            .ToArray();
        var addresses = await customer.GetFromJsonAsync<JsonElement[]>("/api/me/addresses") ?? [];

        var placed = await customer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new
            {
                merchantId = shopId,
                addressId = addresses.Single().GetProperty("id").GetGuid(),
                lines = new object[]
                {
                    new { itemId = plain.GetProperty("id").GetGuid(), quantity = 2, optionIds = Array.Empty<Guid>() },
                    new { itemId = withOptions.GetProperty("id").GetGuid(), quantity = 1, optionIds = requiredChoices },
                },
                note = "少放香菜",
            }),
        });
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();
        (await StatusAsync(customer, orderId)).ShouldBe("AwaitingPayment");
        order.GetProperty("totalFen").GetInt64().ShouldBe(
            order.GetProperty("itemsTotalFen").GetInt64() + order.GetProperty("packagingFeeFen").GetInt64() + order.GetProperty("deliveryFeeFen").GetInt64());

        var payment = await (await customer.PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" })).Content.ReadFromJsonAsync<JsonElement>();
        payment.GetProperty("amountFen").GetInt64().ShouldBe(order.GetProperty("totalFen").GetInt64());
        (await app.Client().PostAsync(payment.GetProperty("payUrl").GetString(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(async () => await StatusAsync(customer, orderId) == "AwaitingAcceptance", "the customer sees the order paid");

        var merchantNumber = Enumerable.Range(1, DemoCampus.MerchantCount).Single(n => DemoCampus.MerchantId(n) == shopId);
        var merchant = await SignInAsync(DemoCampus.MerchantPhone(merchantNumber));
        var board = await merchant.GetFromJsonAsync<JsonElement[]>("/api/merchant/orders") ?? [];
        var onBoard = board.Single(o => o.GetProperty("id").GetGuid() == orderId);
        onBoard.GetProperty("address").GetProperty("phone").GetString().ShouldBe("138****0003");

        (await merchant.PostAsJsonAsync($"/api/merchant/orders/{orderId}/accept", new { prepMinutes = 12 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(customer, orderId)).ShouldBe("Accepted");
        (await merchant.PostAsync($"/api/merchant/orders/{orderId}/ready", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var final = await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        final.GetProperty("status").GetString().ShouldBe("Ready");
        final.GetProperty("prepMinutes").GetInt32().ShouldBe(12);
        final.GetProperty("timeline").EnumerateArray().Take(4).Select(s => s.GetProperty("reached").GetBoolean()).ShouldAllBe(reached => reached);
        final.GetProperty("address").GetProperty("phone").GetString().ShouldBe(DemoCampus.CustomerPhone(3));
    }

    private async Task<HttpClient> SignInAsync(string phone)
    {
        var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/auth/codes", new { phone })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var signedIn = await (await anonymous.PostAsJsonAsync("/api/auth/tokens", new { phone, code = app.Sms.LastCodeFor(phone) }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return app.Client(signedIn.GetProperty("token").GetString());
    }

    private static async Task<string?> StatusAsync(HttpClient customer, Guid orderId) =>
        (await customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString();
}

public sealed class CoreLoopOnSqlite(LunchtimeSqliteApp app) : CoreLoopTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class CoreLoopOnPostgres(LunchtimePostgresApp app) : CoreLoopTests(app), IClassFixture<LunchtimePostgresApp>;
