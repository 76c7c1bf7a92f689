using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Insights;
using Kaifan.Insights.Segments;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Insights;

/// <summary>
/// Automatic campaigns: a coupon reaches only the consenting customers of the target segment, at most once per
/// cool-down whoever runs it and however often, and an on-entering campaign grants once per entry. The station's
/// averages take in every test's customers here, so targets are extreme: a 常客 orders ¥100 twenty times in twenty
/// days, the last today, and a 挽留 customer spent as much (¥2,000) once, 60 days ago; each comes with a bystander who
/// spent a yuan today, so no one is at the average.
/// </summary>
public abstract class CampaignTests(KaifanApp app)
{
    [Fact]
    public async Task a_campaign_grants_only_to_consenting_customers_of_its_segment()
    {
        var consenting = await RegularAsync(consents: true);
        var silent = await RegularAsync(consents: false);
        var outsider = await RfmKit.ConsentingCustomerAsync(app);
        await RfmKit.DeliverAsync(app, outsider, 1, app.Clock.GetUtcNow());

        var campaign = await CreateAsync(RfmSegments.ImportantValue, "daily");
        var run = await RunAsync(campaign);
        run["targeted"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
        run["skippedNoConsent"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        run["granted"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);

        (await GrantsAsync(campaign, consenting)).ShouldBe(1);
        (await GrantsAsync(campaign, silent)).ShouldBe(0);
        (await GrantsAsync(campaign, outsider)).ShouldBe(0);
        await PaymentProbe.EventuallyAsync(async () => await CouponsAsync(campaign, consenting) == 1, "Ordering issues the granted coupon");
        var coupon = (await CouponsOfAsync(campaign, consenting)).Single();
        coupon.AmountFen.ShouldBe(500);
        coupon.MinSpendFen.ShouldBe(3000);
        coupon.Reason.ShouldStartWith("专属福利");
        (await AllCouponsAsync(silent)).ShouldBe(0, "no campaign grants without consent");
        (await AllCouponsAsync(outsider)).ShouldBe(0, "no campaign targets the outsider's segment");

        var listed = (await app.Client(TestTokens.Operator()).GetFromJsonAsync<JsonArray>("/api/ops/insights/campaigns"))!
            .Single(c => c!["id"]!.GetValue<Guid>() == campaign)!;
        listed["runs"]!.AsArray().ShouldContain(r => r!["kind"]!.GetValue<string>() == "manual" && r["granted"]!.GetValue<int>() == run["granted"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_rerun_within_the_cool_down_grants_nothing_and_one_after_it_grants_again()
    {
        var customer = await RegularAsync(consents: true);
        var campaign = await CreateAsync(RfmSegments.ImportantValue, "daily", cooldownDays: 7);
        await RunAsync(campaign);
        (await GrantsAsync(campaign, customer)).ShouldBe(1);

        var rerun = await RunAsync(campaign);
        rerun["skippedCooldown"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        (await GrantsAsync(campaign, customer)).ShouldBe(1);

        // Two days on, the customer still a regular: the scheduled run may come too, and neither grants.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await RfmKit.DeliverAsync(app, customer, 10_000, app.Clock.GetUtcNow());
        await RunAsync(campaign);
        (await GrantsAsync(campaign, customer)).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromDays(6));
        await RfmKit.DeliverAsync(app, customer, 10_000, app.Clock.GetUtcNow());
        await RunAsync(campaign);
        (await GrantsAsync(campaign, customer)).ShouldBe(2);
        await PaymentProbe.EventuallyAsync(async () => await CouponsAsync(campaign, customer) == 2, "both coupons are issued");
    }

    [Fact]
    public async Task two_runs_at_once_grant_each_customer_once()
    {
        var customers = new[] { await RegularAsync(consents: true), await RegularAsync(consents: true), await RegularAsync(consents: true) };
        var campaign = await CreateAsync(RfmSegments.ImportantValue, "daily");
        var ops = app.Client(TestTokens.Operator());

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ops.PostAsync($"/api/ops/insights/campaigns/{campaign}/run", null)));

        runs.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var customer in customers)
        {
            (await GrantsAsync(campaign, customer)).ShouldBe(1);
        }

        // Under SQLite's one writer, four runs at once can push Ordering's handler onto its retry cool-downs.
        await PaymentProbe.EventuallyAsync(
            async () => (await Task.WhenAll(customers.Select(c => CouponsAsync(campaign, c)))).All(n => n == 1), "each coupon is issued", seconds: 60);
        await Task.Delay(500);
        foreach (var customer in customers)
        {
            (await CouponsAsync(campaign, customer)).ShouldBe(1, "no grant is issued twice");
        }
    }

    [Fact]
    public async Task an_on_entering_campaign_grants_once_to_a_customer_who_enters_and_never_to_one_already_there()
    {
        var already = await LapsedBigSpenderAsync();
        (await RfmKit.SegmentsAsync(app, already))[already].ShouldBe(RfmSegments.ImportantWinBack);
        var campaign = await CreateAsync(RfmSegments.ImportantWinBack, "on_enter", cooldownDays: 7);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var entering = await LapsedBigSpenderAsync();
        await RunAsync(campaign);
        (await RfmKit.SegmentsAsync(app, entering))[entering].ShouldBe(RfmSegments.ImportantWinBack);
        (await GrantsAsync(campaign, entering)).ShouldBe(1);
        (await GrantsAsync(campaign, already)).ShouldBe(0);

        // Still in the segment a cool-down later: no new entry, no new coupon.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await RunAsync(campaign);
        (await GrantsAsync(campaign, entering)).ShouldBe(1);
        (await GrantsAsync(campaign, already)).ShouldBe(0);
        await PaymentProbe.EventuallyAsync(async () => await CouponsAsync(campaign, entering) == 1, "the win-back coupon is issued");
        (await AllCouponsAsync(already)).ShouldBe(0);
    }

    [Fact]
    public async Task a_paused_campaign_does_not_run_and_bad_definitions_are_refused_naming_the_field()
    {
        var ops = app.Client(TestTokens.Operator());
        var body = new { name = "常客回馈", segment = RfmSegments.ImportantValue, trigger = "daily", runAt = "10:00", amountFen = 500, minSpendFen = 3000, couponDays = 7, cooldownDays = 30 };
        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/ops/insights/campaigns", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var (field, bad) in new (string, object)[]
        {
            ("Name", body with { name = "" }),
            ("Segment", body with { segment = "vip" }),
            ("Trigger", body with { trigger = "weekly" }),
            ("RunAt", body with { runAt = "25:00" }),
            ("AmountFen", body with { amountFen = 0 }),
            ("CooldownDays", body with { cooldownDays = 0 }),
        })
        {
            var refused = await ops.PostAsJsonAsync("/api/ops/insights/campaigns", bad);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await OrderingKit.JsonOf(refused))["errors"]!.AsObject().ShouldContain(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase));
        }

        var customer = await RegularAsync(consents: true);
        var campaign = await CreateAsync(RfmSegments.ImportantValue, "daily");
        (await ops.PostAsync($"/api/ops/insights/campaigns/{campaign}/pause", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var paused = await ops.PostAsync($"/api/ops/insights/campaigns/{campaign}/run", null);
        paused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync();
        (await GrantsAsync(campaign, customer)).ShouldBe(0);

        (await ops.PostAsync($"/api/ops/insights/campaigns/{campaign}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ops.PostAsync($"/api/ops/insights/campaigns/{Guid.NewGuid()}/run", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_profile_counts_each_delivered_order_once_and_goes_with_the_account()
    {
        var customer = Guid.NewGuid();
        var now = app.Clock.GetUtcNow();
        var order = Guid.NewGuid();
        // Delivered before placed (each event on its own queue), then both again.
        await RfmKit.HandleAsync(app, db => CustomerProfileHandler.Handle(new OrderDelivered(order, Guid.NewGuid(), "door", null, now), db, CancellationToken.None));
        (await RfmKit.ProfileAsync(app, customer)).ShouldBeNull();
        for (var i = 0; i < 2; i++)
        {
            await RfmKit.HandleAsync(app, db => CustomerProfileHandler.Handle(
                new OrderPlaced(order, customer, Guid.NewGuid(), Guid.NewGuid(), 2_580, now.AddMinutes(-30)), db, CancellationToken.None));
            await RfmKit.HandleAsync(app, db => CustomerProfileHandler.Handle(new OrderDelivered(order, Guid.NewGuid(), "door", null, now), db, CancellationToken.None));
        }

        // Placed and never delivered (cancelled): not a purchase.
        await RfmKit.HandleAsync(app, db => CustomerProfileHandler.Handle(
            new OrderPlaced(Guid.NewGuid(), customer, Guid.NewGuid(), Guid.NewGuid(), 9_900, now), db, CancellationToken.None));
        var profile = await RfmKit.ProfileAsync(app, customer);
        profile!.DeliveredOrders.ShouldBe(1);
        profile.SpentFen.ShouldBe(2_580);

        await using var scope = app.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetServices<IPersonalDataExport>().Single(e => e.Section == "customerProfile");
        var exported = System.Text.Json.JsonSerializer.Serialize(await export.ExportAsync(customer, CancellationToken.None));
        exported.ShouldContain("\"SpentFen\":2580");
        foreach (var erasure in scope.ServiceProvider.GetServices<IPersonalDataErasure>().Where(e => e.GetType().Assembly == typeof(InsightsDb).Assembly))
        {
            await erasure.EraseAsync(customer, CancellationToken.None);
        }

        (await RfmKit.ProfileAsync(app, customer)).ShouldBeNull();
        (await export.ExportAsync(customer, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task a_delivered_order_reaches_its_customers_profile_through_the_events()
    {
        var customer = DemoCampus.CustomerId(4);
        var before = await RfmKit.ProfileAsync(app, customer);
        await app.DeliveredOrderAsync(4, rider: 3);

        await PaymentProbe.EventuallyAsync(
            async () => (await RfmKit.ProfileAsync(app, customer))?.DeliveredOrders == (before?.DeliveredOrders ?? 0) + 1, "the profile counts the order");
        var profile = await RfmKit.ProfileAsync(app, customer);
        profile!.SpentFen.ShouldBeGreaterThan(before?.SpentFen ?? 0);
        profile.LastOrderAt.ShouldNotBeNull();
    }

    private async Task<Guid> RegularAsync(bool consents)
    {
        var customer = consents ? await RfmKit.ConsentingCustomerAsync(app) : Guid.NewGuid();
        await RfmKit.HistoryAsync(app, customer, 20, 10_000, app.Clock.GetUtcNow());
        await RfmKit.DeliverAsync(app, Guid.NewGuid(), 100, app.Clock.GetUtcNow());
        return customer;
    }

    private async Task<Guid> LapsedBigSpenderAsync()
    {
        var customer = await RfmKit.ConsentingCustomerAsync(app);
        await RfmKit.DeliverAsync(app, customer, 200_000, app.Clock.GetUtcNow().AddDays(-60));
        await RfmKit.DeliverAsync(app, Guid.NewGuid(), 100, app.Clock.GetUtcNow());
        return customer;
    }

    private async Task<Guid> CreateAsync(string segment, string trigger, int cooldownDays = 30)
    {
        // A daily run time twelve hours off, so the scheduler leaves the campaign to the test unless the clock moves on.
        var runAt = app.Clock.GetUtcNow().AddHours(12).ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm");
        var response = await app.Client(TestTokens.Operator()).PostAsJsonAsync("/api/ops/insights/campaigns", new
        {
            name = "测试" + Random.Shared.Next(1000, 9999), segment, trigger, runAt, amountFen = 500, minSpendFen = 3000, couponDays = 7, cooldownDays,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await OrderingKit.JsonOf(response))["id"]!.GetValue<Guid>();
    }

    private async Task<JsonNode> RunAsync(Guid campaign)
    {
        var response = await app.Client(TestTokens.Operator()).PostAsync($"/api/ops/insights/campaigns/{campaign}/run", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await OrderingKit.JsonOf(response);
    }

    private async Task TickAsync()
    {
        var scheduler = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Kaifan.Insights.Campaigns.CampaignScheduler>().Single();
        await scheduler.TickAsync(CancellationToken.None);
    }

    private async Task<int> GrantsAsync(Guid campaign, Guid customer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightsDb>().CampaignGrants.CountAsync(g => g.CampaignId == campaign && g.CustomerId == customer);
    }

    /// <summary>Coupons Ordering issued the customer for this campaign: other tests' campaigns may run on schedule here too.</summary>
    private async Task<int> CouponsAsync(Guid campaign, Guid customer) => (await CouponsOfAsync(campaign, customer)).Count;

    private async Task<int> AllCouponsAsync(Guid customer)
    {
        await Task.Delay(300); // a grant would be on its way to Ordering by now
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.CountAsync(c => c.CustomerId == customer);
    }

    private async Task<List<Kaifan.Ordering.Coupons.Coupon>> CouponsOfAsync(Guid campaign, Guid customer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var grants = await scope.ServiceProvider.GetRequiredService<InsightsDb>().CampaignGrants
            .Where(g => g.CampaignId == campaign && g.CustomerId == customer).Select(g => g.Id).ToListAsync();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.AsNoTracking()
            .Where(c => grants.Contains(c.Id) && c.CustomerId == customer).ToListAsync();
    }
}

public sealed class CampaignOnSqlite(LunchtimeSqliteApp app) : CampaignTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class CampaignOnPostgres(LunchtimePostgresApp app) : CampaignTests(app), IClassFixture<LunchtimePostgresApp>;
