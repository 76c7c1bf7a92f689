using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Growth.Communities;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 社群专享: customers join a community by its code and leave it; its 社群价 is applied by the server only for members
/// (quote and order alike, within the per-order limit) and its 社群券 only members claim, once each, within budget.
/// </summary>
public abstract class CommunityTests(KaifanApp app)
{
    private const string OpsRoute = "/api/ops/growth/communities";
    private const string MerchantRoute = "/api/merchant/communities";

    private readonly CommunityKit kit = new(app);

    [Fact]
    public async Task a_customer_joins_by_code_sees_the_members_masked_and_leaves_and_the_count_follows()
    {
        var community = await kit.CreateAsync(kit.Ops, OpsRoute, "北区篮球社");
        var id = community["id"]!.GetValue<Guid>();
        var code = community["code"]!.GetValue<string>();
        var wang = app.Client(TestTokens.Customer(2));

        var joined = await CommunityKit.JoinAsync(wang, " " + code.ToLowerInvariant() + " ");
        joined.StatusCode.ShouldBe(HttpStatusCode.Created, await joined.Content.ReadAsStringAsync());
        var page = await OrderingKit.JsonOf(joined);
        page["isMember"]!.GetValue<bool>().ShouldBeTrue();
        page["memberCount"]!.GetValue<int>().ShouldBe(1);
        page["members"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["王*"], "王芳 is shown by surname only");

        (await CommunityKit.JoinAsync(wang, code)).StatusCode.ShouldBe(HttpStatusCode.OK, "joining again changes nothing");
        (await kit.OpsCommunityAsync(id))["memberCount"]!.GetValue<int>().ShouldBe(1);
        var mine = await wang.GetFromJsonAsync<JsonArray>("/api/me/communities");
        mine!.ShouldContain(c => c!["id"]!.GetValue<Guid>() == id);

        (await wang.PostAsync($"/api/growth/communities/{id}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await wang.PostAsync($"/api/growth/communities/{id}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kit.OpsCommunityAsync(id))["memberCount"]!.GetValue<int>().ShouldBe(0);
        (await wang.GetFromJsonAsync<JsonArray>("/api/me/communities"))!.ShouldNotContain(c => c!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task unknown_closed_and_other_zone_communities_refuse_a_join_naming_the_code_and_add_nobody()
    {
        var customer = app.Client(TestTokens.Customer(3));
        await Refusals.ShouldBeRefusedAsync(await CommunityKit.JoinAsync(customer, "NOSUCH"), HttpStatusCode.NotFound, "code");

        var closed = await kit.CreateAsync(kit.Ops, OpsRoute, "已解散的群");
        var closedId = closed["id"]!.GetValue<Guid>();
        (await kit.Ops.PostAsync($"{OpsRoute}/{closedId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Refusals.ShouldBeRefusedAsync(await CommunityKit.JoinAsync(customer, closed["code"]!.GetValue<string>()), HttpStatusCode.Conflict, "code");
        await Refusals.ShouldBeRefusedAsync(await kit.Ops.PostAsync($"{OpsRoute}/{closedId}/close", null), HttpStatusCode.Conflict, "status");

        await using var scope = app.Services.CreateAsyncScope();
        var zones = await scope.ServiceProvider.GetRequiredService<ICatalogQueries>().ListZonesAsync(default);
        var shopper = await new GroupBuyKit(app).NewShopperAsync();
        var home = (await shopper.Client.GetFromJsonAsync<JsonArray>("/api/me/addresses"))![0]!["zoneId"]!.GetValue<Guid>();
        var elsewhere = await kit.CreateAsync(kit.Ops, OpsRoute, "别区宿舍群", zones.First(z => z.Id != home).Id);
        await Refusals.ShouldBeRefusedAsync(
            await CommunityKit.JoinAsync(shopper.Client, elsewhere["code"]!.GetValue<string>()), HttpStatusCode.UnprocessableEntity, "code");
        var dorm = await kit.CreateAsync(kit.Ops, OpsRoute, "本区宿舍群", home);
        (await CommunityKit.JoinAsync(shopper.Client, dorm["code"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await kit.OpsCommunityAsync(closedId))["memberCount"]!.GetValue<int>().ShouldBe(0);
        (await kit.OpsCommunityAsync(elsewhere["id"]!.GetValue<Guid>()))["memberCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task a_member_pays_the_community_price_up_to_the_limit_and_a_non_member_posting_it_pays_the_menu_price()
    {
        var shop = app.Staff();
        var fans = await kit.CreateAsync(shop, MerchantRoute, "老马粉丝群");
        var fansId = fans["id"]!.GetValue<Guid>();
        await kit.AddTeaPriceAsync(shop, MerchantRoute, fansId, limitPerOrder: 2);
        var groupBuys = new GroupBuyKit(app);
        var member = await groupBuys.NewShopperAsync();
        var stranger = await groupBuys.NewShopperAsync();
        (await CommunityKit.JoinAsync(member.Client, fans["code"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var two = await CommunityKit.QuoteAsync(member, 2);
        two["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(CommunityKit.TeaMemberFen);
        two["lines"]![0]!["listUnitPriceFen"]!.GetValue<long>().ShouldBe(CommunityKit.TeaListFen);
        two["lines"]![0]!["communityName"]!.GetValue<string>().ShouldBe("老马粉丝群");
        two["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * CommunityKit.TeaMemberFen);

        var three = await CommunityKit.QuoteAsync(member, 3);
        three["lines"]![0]!["memberPortions"]!.GetValue<int>().ShouldBe(2);
        three["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * CommunityKit.TeaMemberFen + CommunityKit.TeaListFen, "the third cup pays the menu price");

        var strangers = await CommunityKit.QuoteAsync(stranger, 3);
        strangers["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(CommunityKit.TeaListFen);
        strangers["lines"]![0]!["communityName"].ShouldBeNull();
        strangers["itemsTotalFen"]!.GetValue<long>().ShouldBe(3 * CommunityKit.TeaListFen);
        var strangersOrder = await OrderingKit.PlacedAsync(stranger.Client, CommunityKit.TeaCart(stranger, 3));
        strangersOrder["itemsTotalFen"]!.GetValue<long>().ShouldBe(3 * CommunityKit.TeaListFen);

        var membersOrder = await OrderingKit.PlacedAsync(member.Client, CommunityKit.TeaCart(member, 3));
        membersOrder["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * CommunityKit.TeaMemberFen + CommunityKit.TeaListFen);

        (await member.Client.PostAsync($"/api/growth/communities/{fansId}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CommunityKit.QuoteAsync(member, 2))["itemsTotalFen"]!.GetValue<long>().ShouldBe(2 * CommunityKit.TeaListFen, "a former member pays the menu price");
    }

    [Fact]
    public async Task the_shop_page_shows_members_the_community_price_and_everyone_else_the_community_to_join()
    {
        var community = await kit.CreateAsync(kit.Ops, OpsRoute, "茶友会");
        await kit.AddTeaPriceAsync(kit.Ops, OpsRoute, community["id"]!.GetValue<Guid>(), limitPerOrder: 1);
        var member = app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer));
        (await CommunityKit.JoinAsync(member, community["code"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.Created);

        var path = $"/api/merchants/{OrderingKit.Shop}/community-prices";
        var seen = (await member.GetFromJsonAsync<JsonArray>(path))!.Single(p => p!["itemId"]!.GetValue<Guid>() == CommunityKit.Tea)!;
        seen["isMember"]!.GetValue<bool>().ShouldBeTrue();
        seen["memberPriceFen"]!.GetValue<long>().ShouldBe(CommunityKit.TeaMemberFen);
        var anonymous = (await app.Client().GetFromJsonAsync<JsonArray>(path))!.Single(p => p!["itemId"]!.GetValue<Guid>() == CommunityKit.Tea)!;
        anonymous["isMember"]!.GetValue<bool>().ShouldBeFalse();
        anonymous["communityCode"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task only_members_claim_the_community_coupon_once_each_and_a_crowd_never_passes_the_budget()
    {
        const int budget = 4;
        var community = await kit.CreateAsync(kit.Ops, OpsRoute, "抢券群");
        var pack = await kit.AddCouponPackAsync(community["id"]!.GetValue<Guid>(), budget);
        var outsider = app.Client(TestTokens.Issue(Guid.NewGuid(), Roles.Customer));
        await Refusals.ShouldBeRefusedAsync(await CommunityKit.ClaimAsync(outsider, pack), HttpStatusCode.Forbidden, "packId");

        var crowd = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        foreach (var person in crowd)
        {
            (await CommunityKit.JoinAsync(app.Client(TestTokens.Issue(person, Roles.Customer)), community["code"]!.GetValue<string>())).StatusCode
                .ShouldBe(HttpStatusCode.Created);
        }

        // Each member twice at once: same-member races and the budget race together.
        var answers = await Task.WhenAll(crowd.Concat(crowd).Select(person => CommunityKit.ClaimAsync(app.Client(TestTokens.Issue(person, Roles.Customer)), pack)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(budget);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await kit.OpsCommunityAsync(community["id"]!.GetValue<Guid>()))["couponPacks"]![0]!["claimed"]!.GetValue<int>().ShouldBe(budget);
        await PaymentProbe.EventuallyAsync(async () => await CouponOwnersAsync(crowd) is { Count: budget }, "every winner's coupon is issued", seconds: 60);
        (await CouponOwnersAsync(crowd)).Distinct().Count().ShouldBe(budget, "no member gets two");
    }

    [Fact]
    public async Task memberships_and_claims_are_in_the_data_export_and_erasure_removes_the_member_but_keeps_the_claim_counted()
    {
        var person = Guid.NewGuid();
        var client = app.Client(TestTokens.Issue(person, Roles.Customer));
        var community = await kit.CreateAsync(kit.Ops, OpsRoute, "导出测试群");
        var id = community["id"]!.GetValue<Guid>();
        var pack = await kit.AddCouponPackAsync(id, 10, amountFen: 600);
        (await CommunityKit.JoinAsync(client, community["code"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CommunityKit.ClaimAsync(client, pack)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var scope = app.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "communities");
        var mine = JsonSerializer.SerializeToNode(await export.ExportAsync(person, default))!;
        mine["Memberships"]!.AsArray().Single()!["Community"]!.GetValue<string>().ShouldBe("导出测试群");
        mine["CouponClaims"]!.AsArray().Single()!["AmountFen"]!.GetValue<long>().ShouldBe(600);

        await scope.ServiceProvider.GetServices<IPersonalDataErasure>().Single(e => e is CommunitiesErasure).EraseAsync(person, default);

        (await export.ExportAsync(person, default)).ShouldBeNull();
        var after = await kit.OpsCommunityAsync(id);
        after["memberCount"]!.GetValue<int>().ShouldBe(0);
        after["couponPacks"]![0]!["claimed"]!.GetValue<int>().ShouldBe(1, "the budget still counts the claim");
    }

    [Fact]
    public async Task a_merchant_runs_only_its_own_communities_and_bad_offers_are_refused_naming_the_field()
    {
        var shop = app.Staff();
        var fans = await kit.CreateAsync(shop, MerchantRoute, "只属于老马");
        var id = fans["id"]!.GetValue<Guid>();
        fans["merchantId"]!.GetValue<Guid>().ShouldBe(OrderingKit.Shop);
        (await kit.Ops.GetFromJsonAsync<JsonArray>(OpsRoute))!.ShouldNotContain(c => c!["id"]!.GetValue<Guid>() == id);
        (await app.Staff(2).PostAsync($"{MerchantRoute}/{id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync(MerchantRoute, new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Refusals.ShouldBeRefusedAsync(await shop.PostAsJsonAsync(MerchantRoute, new { name = "" }), HttpStatusCode.BadRequest, "name");

        var now = app.Clock.GetUtcNow();
        var offer = new { itemId = CommunityKit.Tea, memberPriceFen = CommunityKit.TeaListFen, limitPerOrder = 1, startsAt = now, endsAt = now.AddDays(1) };
        await Refusals.ShouldBeRefusedAsync(await shop.PostAsJsonAsync($"{MerchantRoute}/{id}/prices", offer), HttpStatusCode.UnprocessableEntity, "memberPriceFen");
        await Refusals.ShouldBeRefusedAsync(
            await shop.PostAsJsonAsync($"{MerchantRoute}/{id}/prices", offer with { itemId = OrderingKit.Dish(0, merchant: 2), memberPriceFen = 1 }),
            HttpStatusCode.NotFound, "itemId");
        await Refusals.ShouldBeRefusedAsync(
            await shop.PostAsJsonAsync($"{MerchantRoute}/{id}/prices", offer with { limitPerOrder = 0 }), HttpStatusCode.BadRequest, "limitPerOrder");
        (await shop.GetFromJsonAsync<JsonArray>(MerchantRoute))!.Single(c => c!["id"]!.GetValue<Guid>() == id)!["prices"]!.AsArray().ShouldBeEmpty();
    }

    private async Task<List<Guid>> CouponOwnersAsync(List<Guid> people)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.AsNoTracking()
            .Where(c => people.Contains(c.CustomerId)).Select(c => c.CustomerId).ToListAsync();
    }
}

public sealed class CommunityOnSqlite(LunchtimeSqliteApp app) : CommunityTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class CommunityOnPostgres(LunchtimePostgresApp app) : CommunityTests(app), IClassFixture<LunchtimePostgresApp>;
