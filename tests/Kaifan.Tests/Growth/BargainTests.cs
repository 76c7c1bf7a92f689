using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Growth;
using Kaifan.Growth.Bargains;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime;
using static Kaifan.Tests.Growth.BargainKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 砍价: a customer starts a bargain on a campaign, friends cut once each, the price lands on the floor exactly at the
/// last helper, every tier's coupon is granted once as the cuts pass it, and a bargain past its end takes no cut.
/// </summary>
public abstract class BargainTests(KaifanApp app)
{
    [Fact]
    public async Task a_friend_cuts_once_the_starter_cannot_and_one_customer_runs_one_bargain_per_campaign()
    {
        var campaign = await CampaignAsync(app, helpersNeeded: 5, floorPriceFen: 500);
        var starter = Customer(app, Guid.NewGuid());
        var friend = Customer(app, Guid.NewGuid());
        var bargain = await StartedAsync(starter, campaign);

        await Refusals.ShouldBeRefusedAsync(await StartAsync(starter, campaign), HttpStatusCode.Conflict, "campaignId");
        await Refusals.ShouldBeRefusedAsync(await StartAsync(starter, Guid.NewGuid()), HttpStatusCode.NotFound, "campaignId");
        await Refusals.ShouldBeRefusedAsync(await CutAsync(starter, bargain), HttpStatusCode.UnprocessableEntity, "helper");
        await Refusals.ShouldBeRefusedAsync(await CutAsync(friend, Guid.NewGuid()), HttpStatusCode.NotFound, "bargainId");

        var cut = await CutAsync(friend, bargain);
        cut.StatusCode.ShouldBe(HttpStatusCode.Created, await cut.Content.ReadAsStringAsync());
        var amount = (await OrderingKit.JsonOf(cut))["cutFen"]!.GetValue<long>();
        amount.ShouldBeInRange(1, 1000 - 4);
        await Refusals.ShouldBeRefusedAsync(await CutAsync(friend, bargain), HttpStatusCode.Conflict, "helper");

        var seenByFriend = await ViewAsync(friend, bargain);
        seenByFriend["helpers"]!.GetValue<int>().ShouldBe(1);
        seenByFriend["currentPriceFen"]!.GetValue<long>().ShouldBe(BargainKit.ColdBeefFen - amount);
        seenByFriend["myCutFen"]!.GetValue<long>().ShouldBe(amount);
        seenByFriend["canHelp"]!.GetValue<bool>().ShouldBeFalse();
        seenByFriend["mine"]!.GetValue<bool>().ShouldBeFalse();
        seenByFriend["rewards"].ShouldBeNull("only the starter sees what the bargain earned");
        var helper = seenByFriend["cuts"]!.AsArray().ShouldHaveSingleItem()!;
        helper["label"]!.GetValue<string>().ShouldMatch("^[A-Z]{2}$");
        helper["amountFen"]!.GetValue<long>().ShouldBe(amount);

        var seenByStarter = await ViewAsync(starter, bargain);
        seenByStarter["mine"]!.GetValue<bool>().ShouldBeTrue();
        seenByStarter["canHelp"]!.GetValue<bool>().ShouldBeFalse();
        (await ViewAsync(Customer(app, Guid.NewGuid()), bargain))["canHelp"]!.GetValue<bool>().ShouldBeTrue();
        var listed = (await starter.GetFromJsonAsync<JsonArray>("/api/growth/bargain-campaigns"))!.Single(c => c!["id"]!.GetValue<Guid>() == campaign)!;
        listed["myBargainId"]!.GetValue<Guid>().ShouldBe(bargain);
    }

    [Fact]
    public async Task the_last_helper_lands_exactly_on_the_floor_and_each_tier_grants_its_coupon_once()
    {
        var campaign = await CampaignAsync(app, helpersNeeded: 3, floorPriceFen: 0);
        var starterId = Guid.NewGuid();
        var starter = Customer(app, starterId);
        var bargain = await StartedAsync(starter, campaign);
        var helpers = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();

        long remaining = BargainKit.ColdBeefFen;
        for (var i = 0; i < helpers.Count; i++)
        {
            var cut = await CutAsync(Customer(app, helpers[i]), bargain);
            cut.StatusCode.ShouldBe(HttpStatusCode.Created, await cut.Content.ReadAsStringAsync());
            var expected = CutSequence.Amount(bargain, helpers[i], i + 1, 3, remaining);
            (await OrderingKit.JsonOf(cut))["cutFen"]!.GetValue<long>().ShouldBe(expected, "the cut is the one the (bargain, helper) seed gives");
            remaining -= expected;
        }

        remaining.ShouldBe(0);
        await Refusals.ShouldBeRefusedAsync(await CutAsync(Customer(app, Guid.NewGuid()), bargain), HttpStatusCode.UnprocessableEntity, "bargainId");
        var view = await ViewAsync(starter, bargain);
        view["status"]!.GetValue<string>().ShouldBe("floorReached");
        view["currentPriceFen"]!.GetValue<long>().ShouldBe(0);
        view["tiers"]!.AsArray().ShouldAllBe(t => t!["reached"]!.GetValue<bool>());
        view["rewards"]!.AsArray().Select(r => r!["cutPercent"]!.GetValue<int>()).ShouldBe([30, 60, 100]);

        await PaymentProbe.EventuallyAsync(async () => (await CouponsAsync(app, starterId)).Count == 3, "the three tier coupons reach the starter");
        await Task.Delay(300);
        (await CouponsAsync(app, starterId)).ShouldBe([
            (300L, 0L, "砍价30%奖励「凉拌牛肉」"), (600L, 2000L, "砍价60%奖励「凉拌牛肉」"), (1500L, 1500L, "砍价成功「凉拌牛肉」")]);
        // The floor's reward is once per customer and campaign: starting over would earn it again.
        await Refusals.ShouldBeRefusedAsync(await StartAsync(starter, campaign), HttpStatusCode.Conflict, "campaignId");
    }

    [Fact]
    public async Task a_bargain_past_its_end_takes_no_cut_shows_ended_with_what_it_earned_and_may_be_started_again()
    {
        var campaign = await CampaignAsync(app, helpersNeeded: 5, floorPriceFen: 500, hours: 2);
        var starter = Customer(app, Guid.NewGuid());
        var bargain = await StartedAsync(starter, campaign);
        (await CutAsync(Customer(app, Guid.NewGuid()), bargain)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var endsAt = (await ViewAsync(starter, bargain))["endsAt"]!.GetValue<DateTimeOffset>();
        var stored = await app.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.AllIncomingAsync();
        stored.ShouldContain(
            e => e.MessageType != null && e.MessageType.Contains(nameof(BargainExpires)) && e.ScheduledTime.HasValue
                && (e.ScheduledTime.Value - endsAt).Duration() < TimeSpan.FromSeconds(1),
            "the end is a scheduled message in the durable store, not a timer");
        var bus = app.Services.GetRequiredService<IMessageBus>();

        // Delivered early (the scheduler's clock is not the test's), the expiry waits.
        await bus.InvokeAsync(new BargainExpires(bargain));
        (await ViewAsync(starter, bargain))["status"]!.GetValue<string>().ShouldBe("running");

        app.Clock.Advance(TimeSpan.FromHours(2));
        await Refusals.ShouldBeRefusedAsync(await CutAsync(Customer(app, Guid.NewGuid()), bargain), HttpStatusCode.UnprocessableEntity, "bargainId");
        await bus.InvokeAsync(new BargainExpires(bargain));

        var view = await ViewAsync(starter, bargain);
        view["status"]!.GetValue<string>().ShouldBe("ended");
        view["helpers"]!.GetValue<int>().ShouldBe(1);
        view["rewards"]!.AsArray().Count.ShouldBeGreaterThan(0, "the first of five cuts always passes 30 %");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ended = await scope.ServiceProvider.GetRequiredService<GrowthDb>().Bargains.AsNoTracking().SingleAsync(b => b.Id == bargain);
            ended.Status.ShouldBe(BargainStatus.Ended);
            ended.ActiveCampaignId.ShouldBeNull();
        }

        var again = await StartedAsync(starter, campaign);
        again.ShouldNotBe(bargain);
    }

    [Fact]
    public async Task many_friends_cutting_in_parallel_stop_at_the_floor_count_each_once_and_grant_each_tier_once()
    {
        const int needed = 10;
        const long floor = 200;
        var campaign = await CampaignAsync(app, helpersNeeded: needed, floorPriceFen: floor);
        var starterId = Guid.NewGuid();
        var bargain = await StartedAsync(Customer(app, starterId), campaign);
        var crowd = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
        var taps = crowd.Concat(crowd.Take(6)).ToList();

        var answers = await Task.WhenAll(taps.Select(id => CutAsync(Customer(app, id), bargain)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(needed);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created)
            .ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict || a.StatusCode == HttpStatusCode.UnprocessableEntity);
        var winners = taps.Where((_, i) => answers[i].StatusCode == HttpStatusCode.Created).ToList();
        winners.Distinct().Count().ShouldBe(needed, "no helper counts twice");

        var view = await ViewAsync(Customer(app, starterId), bargain);
        view["status"]!.GetValue<string>().ShouldBe("floorReached");
        view["currentPriceFen"]!.GetValue<long>().ShouldBe(floor);
        view["cuts"]!.AsArray().Sum(c => c!["amountFen"]!.GetValue<long>()).ShouldBe(BargainKit.ColdBeefFen - floor);
        view["cuts"]!.AsArray().ShouldAllBe(c => c!["amountFen"]!.GetValue<long>() > 0);
        view["rewards"]!.AsArray().Select(r => r!["cutPercent"]!.GetValue<int>()).ShouldBe([30, 60, 100]);

        await PaymentProbe.EventuallyAsync(async () => (await CouponsAsync(app, starterId)).Count == 3, "each tier's coupon is issued");
        await Task.Delay(500);
        (await CouponsAsync(app, starterId)).Select(c => c.AmountFen).ShouldBe([300L, 600L, 1300L], "no tier is granted twice");
    }

    [Fact]
    public async Task the_operator_alone_creates_campaigns_refused_fields_are_named_and_the_list_counts_what_happened()
    {
        var body = CampaignBody(app);
        (await Customer(app, Guid.NewGuid()).PostAsJsonAsync("/api/ops/growth/bargain-campaigns", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ops = app.Client(TestTokens.Operator());
        foreach (var (field, value) in new (string, object)[]
        {
            ("helpersNeeded", 2), ("helpersNeeded", 31), ("hoursToBargain", 0), ("floorPriceFen", -1), ("couponDays", 0),
            ("endsAt", app.Clock.GetUtcNow().AddDays(-1)), ("tiers[0].CutPercent", new[] { new { cutPercent = 100, amountFen = 300, minSpendFen = 0 } }),
        })
        {
            var refused = await ops.PostAsJsonAsync("/api/ops/growth/bargain-campaigns", new Dictionary<string, object?>(body) { [field.Split('[')[0]] = value });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await OrderingKit.JsonOf(refused))["errors"]!.AsObject().ShouldContain(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase), field);
        }

        await Refusals.ShouldBeRefusedAsync(
            await ops.PostAsJsonAsync("/api/ops/growth/bargain-campaigns", new Dictionary<string, object?>(body) { ["dishId"] = OrderingKit.Dish(0, merchant: 2) }),
            HttpStatusCode.UnprocessableEntity, "dishId");
        await Refusals.ShouldBeRefusedAsync(
            await ops.PostAsJsonAsync("/api/ops/growth/bargain-campaigns", new Dictionary<string, object?>(body) { ["floorPriceFen"] = BargainKit.ColdBeefFen }),
            HttpStatusCode.UnprocessableEntity, "floorPriceFen");

        var campaign = await CampaignAsync(app, helpersNeeded: 3);
        var bargain = await StartedAsync(Customer(app, Guid.NewGuid()), campaign);
        (await CutAsync(Customer(app, Guid.NewGuid()), bargain)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var listed = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/growth/bargain-campaigns"))!.Single(c => c!["id"]!.GetValue<Guid>() == campaign)!;
        listed["dishName"]!.GetValue<string>().ShouldBe("凉拌牛肉");
        listed["originalPriceFen"]!.GetValue<long>().ShouldBe(BargainKit.ColdBeefFen);
        listed["status"]!.GetValue<string>().ShouldBe("running");
        listed["tiers"]!.AsArray().Select(t => t!["cutPercent"]!.GetValue<int>()).ShouldBe([30, 60, 100]);
        listed["stats"]!["bargainsStarted"]!.GetValue<int>().ShouldBe(1);
        listed["stats"]!["helpers"]!.GetValue<int>().ShouldBe(1);
        listed["stats"]!["floorsReached"]!.GetValue<int>().ShouldBe(0);
        listed["stats"]!["couponsGranted"]!.GetValue<int>().ShouldBeGreaterThan(0, "the first of three cuts always passes 30 %");
    }

    [Fact]
    public async Task a_customers_bargains_and_cuts_are_in_their_data_export_and_go_with_their_account()
    {
        const int person = 5;
        var personId = DemoCampus.CustomerId(person);
        var client = app.Client(TestTokens.Customer(person));
        var campaign = await CampaignAsync(app, helpersNeeded: 4);
        var own = await StartedAsync(client, campaign);
        (await CutAsync(Customer(app, Guid.NewGuid()), own)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var friends = await StartedAsync(Customer(app, Guid.NewGuid()), campaign);
        (await CutAsync(client, friends)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var export = JsonNode.Parse(await client.GetStringAsync("/api/me/data-export"))!["sections"]!["bargains"]!;
        export["started"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>().ShouldBe(own);
        export["started"]![0]!["rewards"]!.AsArray().Count.ShouldBeGreaterThan(0);
        export["helped"]!.AsArray().ShouldHaveSingleItem()!["bargainId"]!.GetValue<Guid>().ShouldBe(friends);

        var erased = await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" });
        erased.StatusCode.ShouldBe(HttpStatusCode.NoContent, await erased.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        (await db.Bargains.AnyAsync(b => b.CustomerId == personId)).ShouldBeFalse();
        (await db.BargainCuts.AnyAsync(c => c.HelperId == personId)).ShouldBeFalse();
        (await db.BargainRewards.AnyAsync(r => r.CustomerId == personId)).ShouldBeFalse();
        var kept = await db.Bargains.AsNoTracking().SingleAsync(b => b.Id == own);
        kept.Status.ShouldBe(BargainStatus.Ended);
        kept.Helpers.ShouldBe(1, "the campaign's counts stay");
        (await db.BargainCuts.AsNoTracking().SingleAsync(c => c.BargainId == friends)).AmountFen.ShouldBeGreaterThan(0);
    }
}

public sealed class BargainOnSqlite(LunchtimeSqliteApp app) : BargainTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class BargainOnPostgres(LunchtimePostgresApp app) : BargainTests(app), IClassFixture<LunchtimePostgresApp>;
