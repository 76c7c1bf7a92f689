using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;

namespace Kaifan.Tests.Identity;

/// <summary>Money left in the 余额 is the customer's: it is in their data export, and 注销 waits until it is spent or went back to WeChat.</summary>
public abstract partial class AccountErasureTests
{
    private const int Saver = 5;

    [Fact]
    public async Task a_customer_with_money_in_the_balance_is_refused_erasure_naming_balance_until_it_went_back_to_wechat()
    {
        var client = app.Client(TestTokens.Customer(Saver));
        var topUpId = await WalletKit.TopUpAsync(app, Saver, 1_250);

        var export = (await client.GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["wallet"]!;
        export["balanceFen"]!.GetValue<long>().ShouldBe(1_250);
        var entry = export["entries"]!.AsArray().ShouldHaveSingleItem()!;
        entry["kind"]!.GetValue<string>().ShouldBe("topUp");
        entry["amountFen"]!.GetValue<long>().ShouldBe(1_250);
        entry["sourceId"]!.GetValue<Guid>().ShouldBe(topUpId);
        export["topUps"]!.AsArray().ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("Credited");

        var refused = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });

        await refused.ShouldBeRefusedAsync(HttpStatusCode.Conflict, "balance");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("12.5");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WalletKit.BalanceAsync(app, Saver)).ShouldBe(1_250);

        (await WalletKit.RefundAsync(app, Saver, null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WalletKit.RefundsSettledAsync(app, Saver);
        var refunded = (await client.GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["wallet"]!;
        var part = refunded["refunds"]!.AsArray().ShouldHaveSingleItem()!;
        (part["topUpId"]!.GetValue<Guid>(), part["amountFen"]!.GetValue<long>(), part["status"]!.GetValue<string>()).ShouldBe((topUpId, 1_250L, "Succeeded"));
        refunded["entries"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ShouldBe(["topUp", "withdrawal"]);

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}
