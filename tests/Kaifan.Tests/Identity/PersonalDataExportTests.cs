using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Identity;

/// <summary>
/// 下载我的数据: a customer's copy of their personal data (GDPR art. 15/20, PIPL art. 45) holds, decrypted, what each
/// module keeps about them, as a JSON file; it never holds anyone else's, and only a signed-in customer gets one.
/// </summary>
public abstract partial class PersonalDataExportTests(KaifanApp app)
{
    private const int Customer = 4;
    private const int Neighbour = 5;

    [Fact]
    public async Task a_customer_downloads_their_account_address_and_paid_order_as_a_json_attachment()
    {
        var client = app.Client(TestTokens.Customer(Customer));
        var order = await OrderingKit.PlacedAsync(client, OrderingKit.BeefRiceAndTea(Customer));
        var orderId = OrderingKit.IdOf(order);
        var payment = await PayAsync(client, orderId);
        var address = (await client.GetFromJsonAsync<JsonArray>("/api/me/addresses"))![0]!;

        var response = await client.GetAsync("/api/me/data-export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        var day = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        disposition.FileName!.Trim('"').ShouldBe($"kaifan-my-data-{day}.json");

        var export = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        export["userId"]!.GetValue<Guid>().ShouldBe(DemoCampus.CustomerId(Customer));
        export["exportedAt"]!.GetValue<string>().ShouldEndWith("Z");
        var sections = export["sections"]!;

        var account = sections["account"]!;
        account["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(Customer), "the owner's own copy is not masked");
        account["role"]!.GetValue<string>().ShouldBe("customer");
        account["createdAt"]!.GetValue<string>().ShouldEndWith("Z");

        var saved = sections["addresses"]!.AsArray().ShouldHaveSingleItem()!;
        saved["detail"]!.GetValue<string>().ShouldBe(address["detail"]!.GetValue<string>());
        saved["detail"]!.GetValue<string>().ShouldStartWith("开饭大学");
        saved["stairsNoLift"]!.GetValue<bool>().ShouldBeTrue();
        saved["tag"]!.GetValue<string>().ShouldBe("学校");

        var exported = sections["orders"]!.AsArray().Single(o => o!["id"]!.GetValue<Guid>() == orderId)!;
        exported["number"]!.GetValue<string>().ShouldBe(order["number"]!.GetValue<string>());
        exported["shopName"]!.GetValue<string>().ShouldBe(order["merchantName"]!.GetValue<string>());
        exported["totalFen"]!.GetValue<long>().ShouldBe(order["totalFen"]!.GetValue<long>());
        exported["paidAt"]!.GetValue<string>().ShouldEndWith("Z");
        exported["address"]!["detail"]!.GetValue<string>().ShouldBe(address["detail"]!.GetValue<string>());
        exported["address"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(Customer));
        var items = exported["items"]!.AsArray();
        items.Count.ShouldBe(2);
        var beefRice = items.Single(i => i!["itemId"]!.GetValue<Guid>() == OrderingKit.BeefRice)!;
        beefRice["options"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>().ShouldBe(OrderingKit.BeefRiceMild);
        items.Sum(i => i!["lineTotalFen"]!.GetValue<long>()).ShouldBe(exported["itemsTotalFen"]!.GetValue<long>());

        var paid = sections["payments"]!.AsArray().Single(p => p!["orderId"]!.GetValue<Guid>() == orderId)!;
        paid["id"]!.GetValue<Guid>().ShouldBe(payment);
        paid["amountFen"]!.GetValue<long>().ShouldBe(order["totalFen"]!.GetValue<long>());
        paid["status"]!.GetValue<string>().ShouldBe("Succeeded");
        sections["coupons"]!.AsArray().ShouldNotBeNull();
    }

    [Fact]
    public async Task another_customers_copy_holds_neither_the_first_customers_order_nor_their_phone()
    {
        var order = await OrderingKit.PlacedAsync(app.Client(TestTokens.Customer(Customer)), OrderingKit.BeefRiceAndTea(Customer));

        var response = await app.Client(TestTokens.Customer(Neighbour)).GetAsync("/api/me/data-export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        export["userId"]!.GetValue<Guid>().ShouldBe(DemoCampus.CustomerId(Neighbour));
        export["sections"]!["account"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(Neighbour));
        text.ShouldNotContain(order["number"]!.GetValue<string>());
        text.ShouldNotContain(OrderingKit.IdOf(order).ToString());
        text.ShouldNotContain(DemoCampus.CustomerPhone(Customer));
    }

    [Fact]
    public async Task without_a_token_there_is_no_copy_and_staff_get_none()
    {
        (await app.Client().GetAsync("/api/me/data-export")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(TestTokens.MerchantStaff()).GetAsync("/api/me/data-export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Through the sandbox gateway, whose callback reaches the host over HTTP, as a customer pays.</summary>
    private async Task<Guid> PayAsync(HttpClient client, Guid orderId)
    {
        var payment = await (await client.PostAsJsonAsync($"/api/orders/{orderId}/payments", new { channel = "wechat" })).Content.ReadFromJsonAsync<JsonNode>();
        (await app.Client().PostAsync(payment!["payUrl"]!.GetValue<string>(), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PaymentProbe.EventuallyAsync(
            async () => await app.StatusAsync(orderId, Customer) == "AwaitingAcceptance", "the order is paid");
        return payment["paymentId"]!.GetValue<Guid>();
    }
}

public sealed class PersonalDataExportOnSqlite(LunchtimeSqliteApp app) : PersonalDataExportTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class PersonalDataExportOnPostgres(LunchtimePostgresApp app) : PersonalDataExportTests(app), IClassFixture<LunchtimePostgresApp>;
