using System.Text.Json.Nodes;
using Kaifan.Tests.Dispatch;
using Kaifan.Tests.Infrastructure;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>The shop's order list names a batch order's run, the same one the customer is told, so the kitchen knows when it leaves.</summary>
public abstract class MerchantOrderMarkersTests(LunchtimeApp app)
{
    [Fact]
    public async Task the_merchant_list_names_a_batch_orders_run_as_the_customer_page_does()
    {
        const int customer = 1;
        var batch = await app.AcceptPaidAsync(await PlacedAsync(app.Client(TestTokens.Customer(customer)), TierKit.Checkout(customer, new { serviceTier = "batch", specialCare = true })), customer, prepMinutes: 5);
        var standard = await app.AcceptedWithPrepAsync(2, prepMinutes: 5);

        var page = await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{batch}"));
        var response = await app.Staff().GetAsync("/api/merchant/orders");
        response.More().ShouldBeFalse();
        var list = (await JsonOf(response)).AsArray();
        JsonNode Listed(Guid id) => list.Single(o => o!["id"]!.GetValue<Guid>() == id)!;

        Listed(batch)["serviceTier"]!.GetValue<string>().ShouldBe("batch");
        Listed(batch)["specialCare"]!.GetValue<bool>().ShouldBeTrue();
        Listed(batch)["batchRun"]!["departsAt"]!.GetValue<DateTimeOffset>().ShouldBe(page["batchRun"]!["departsAt"]!.GetValue<DateTimeOffset>());
        Listed(batch)["batchRun"]!["lineName"]!.GetValue<string>().ShouldStartWith("东区宿舍楼群");
        Listed(standard)["batchRun"].ShouldBeNull();

        var newest = await app.Staff().GetAsync("/api/merchant/orders?limit=1");
        newest.More().ShouldBeTrue();
        (await JsonOf(newest)).AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>().ShouldBe(list[0]!["id"]!.GetValue<Guid>());
    }
}

public sealed class MerchantOrderMarkersOnSqlite(LunchtimeSqliteApp app) : MerchantOrderMarkersTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class MerchantOrderMarkersOnPostgres(LunchtimePostgresApp app) : MerchantOrderMarkersTests(app), IClassFixture<LunchtimePostgresApp>;
