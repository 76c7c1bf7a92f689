using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using static Kaifan.Tests.Growth.PresaleKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// The home page's 预售接龙: GET /api/presales lists the open chains of a zone's shops, soonest cut-off first, at most
/// the limit; a stopped chain, one whose cut-off passed and another zone's shops are not listed.
/// </summary>
public abstract partial class PresaleTests
{
    private static readonly Guid EastZone = DemoCampus.ZoneId(1);
    private static readonly Guid WestZone = DemoCampus.ZoneId(2);

    private async Task<JsonArray> OpenChainsAsync(string query) =>
        (await app.Client().GetFromJsonAsync<JsonArray>($"/api/presales?{query}"))!;

    [Fact]
    public async Task a_zones_open_chains_are_listed_soonest_cut_off_first_up_to_the_limit()
    {
        var now = app.Clock.GetUtcNow();
        var later = IdOf(await kit.CreateAsync());
        var sooner = await kit.Staff.PostAsJsonAsync("/api/merchant/presales", new
        {
            itemId = OrderingKit.ColdBeef, priceFen = 1100, stock = 10, perCustomerLimit = 2, minimumQuantity = 3,
            cutoffAt = now.AddMinutes(30), deliverAt = now.AddHours(3), slotMinutes = 30,
        });
        sooner.StatusCode.ShouldBe(HttpStatusCode.Created, await sooner.Content.ReadAsStringAsync());
        var soonerId = IdOf(await OrderingKit.JsonOf(sooner));
        var stopped = IdOf(await kit.CreateAsync());
        (await kit.Staff.PostAsync($"/api/merchant/presales/{stopped}/stop", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var east = await OpenChainsAsync($"zoneId={EastZone}&limit=20");
        var ids = east.Select(p => p!["id"]!.GetValue<Guid>()).ToList();
        ids.ShouldContain(later);
        ids.IndexOf(soonerId).ShouldBeInRange(0, ids.IndexOf(later) - 1);
        ids.ShouldNotContain(stopped);
        east.Select(p => p!["cutoffAt"]!.GetValue<DateTimeOffset>()).ShouldBeInOrder();
        east.ShouldAllBe(p => p!["status"]!.GetValue<string>() == "open");
        var shown = east.Single(p => p!["id"]!.GetValue<Guid>() == soonerId)!;
        (shown["merchantName"]!.GetValue<string>(), shown["priceFen"]!.GetValue<long>(), shown["listPriceFen"]!.GetValue<long>(), shown["minimumQuantity"]!.GetValue<int>())
            .ShouldBe(("老马家兰州牛肉拉面", 1100L, 1500L, 3));

        (await OpenChainsAsync($"zoneId={WestZone}")).Select(p => p!["id"]!.GetValue<Guid>()).ShouldNotContain(later);
        var both = await OpenChainsAsync($"zoneId={WestZone}&zoneId={EastZone}&limit=1");
        both.Count.ShouldBe(1);
        both[0]!["cutoffAt"]!.GetValue<DateTimeOffset>().ShouldBeLessThanOrEqualTo(shown["cutoffAt"]!.GetValue<DateTimeOffset>());

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        (await OpenChainsAsync($"zoneId={EastZone}&limit=20")).Select(p => p!["id"]!.GetValue<Guid>()).ShouldNotContain(soonerId);
    }

    [Fact]
    public async Task listing_open_chains_names_its_zones_and_a_limit_within_bounds()
    {
        await Refusals.ShouldBeRefusedAsync(await app.Client().GetAsync("/api/presales"), HttpStatusCode.BadRequest, "zoneId");
        await Refusals.ShouldBeRefusedAsync(await app.Client().GetAsync($"/api/presales?zoneId={EastZone}&limit=0"), HttpStatusCode.BadRequest, "limit");
        await Refusals.ShouldBeRefusedAsync(await app.Client().GetAsync($"/api/presales?zoneId={EastZone}&limit=21"), HttpStatusCode.BadRequest, "limit");
    }
}
