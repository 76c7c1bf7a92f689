using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Dispatch.Riders;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Identity;

/// <summary>A rider's copy comes from the same endpoint and holds their working life, nobody else's data.</summary>
public abstract partial class PersonalDataExportTests
{
    private const int Rider = 9;
    private const int OtherRider = 10;

    [Fact]
    public async Task a_riders_copy_holds_their_gear_trail_jobs_earnings_withdrawals_and_consents_but_no_customer_and_no_other_rider()
    {
        var (orderId, number) = await RiderDataKit.WorkedAsync(app, Rider, Customer);
        var (othersOrder, _) = await RiderDataKit.WorkedAsync(app, OtherRider, Neighbour);

        var response = await app.Client(TestTokens.Rider(Rider)).GetAsync("/api/me/data-export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        export["userId"]!.GetValue<Guid>().ShouldBe(DemoCampus.RiderId(Rider));
        var sections = export["sections"]!;
        sections["account"]!["role"]!.GetValue<string>().ShouldBe("rider");
        sections["account"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.RiderPhone(Rider));
        sections["consents"]!.AsArray().ShouldContain(c => c!["purpose"]!.GetValue<string>() == "location" && c["granted"]!.GetValue<bool>());

        var rider = sections["rider"]!;
        var (vehicle, _, capacity, _) = DemoRiders.Profiles[Rider - 1];
        rider["gear"]!["vehicleType"]!.GetValue<string>().ShouldBe(vehicle);
        rider["gear"]!["capacity"]!.GetValue<int>().ShouldBe(capacity);
        rider["shift"]!["onlineZoneId"].ShouldBeNull();
        rider["positions"]!.AsArray().ShouldHaveSingleItem()!["latitude"]!.GetValue<double>().ShouldBe(31.0251);
        var job = rider["jobs"]!.AsArray().ShouldHaveSingleItem()!;
        job["orderId"]!.GetValue<Guid>().ShouldBe(orderId);
        job["orderNumber"]!.GetValue<string>().ShouldBe(number);
        job["status"]!.GetValue<string>().ShouldBe("Delivered");
        job["deliveredAt"]!.GetValue<string>().ShouldEndWith("Z");
        rider["earnings"]!.AsArray().ShouldHaveSingleItem()!["totalFen"]!.GetValue<long>().ShouldBe(RiderDataKit.EarnedFen);
        var withdrawal = rider["withdrawals"]!.AsArray().ShouldHaveSingleItem()!;
        withdrawal["amountFen"]!.GetValue<long>().ShouldBe(RiderDataKit.WithdrawnFen);
        withdrawal["status"]!.GetValue<string>().ShouldBe("Paid");
        rider["ratings"]!.AsArray().ShouldHaveSingleItem()!["stars"]!.GetValue<int>().ShouldBe(5);

        // Their own phone where a customer called them; the customer's where they called the customer stays out.
        var calls = sections["calls"]!.AsArray();
        calls.Count.ShouldBe(2);
        calls.Single(c => c!["callee"]!.GetValue<string>() == "rider")!["calleePhone"]!.GetValue<string>().ShouldBe(DemoCampus.RiderPhone(Rider));
        calls.Single(c => c!["callee"]!.GetValue<string>() == "customer")!["calleePhone"].ShouldBeNull();

        text.ShouldNotContain(DemoCampus.CustomerPhone(Customer));
        text.ShouldNotContain(DemoCampus.CustomerId(Customer).ToString());
        text.ShouldNotContain(RiderDataKit.Door.ToString(CultureInfo.InvariantCulture)); // the customer's door
        text.ShouldNotContain(DemoCampus.RiderPhone(OtherRider));
        text.ShouldNotContain(othersOrder.ToString());

        (await app.Client(TestTokens.Customer(Neighbour)).GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["rider"]
            .ShouldBeNull("a customer is no rider");
    }
}
