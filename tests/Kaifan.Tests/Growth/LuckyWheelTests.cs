using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Growth;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kaifan.Tests.Growth.LuckyWheelKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 幸运大转盘: a customer's free spins are counted per Shanghai day, friends opening their share link earn more up to the
/// day's cap, a prize is never won more often than its stock, and parallel taps spend no more spins than are left.
/// </summary>
public abstract partial class LuckyWheelTests(KaifanApp app)
{
    /// <summary>Weighted so heavily that every spin lands on the coupon while any is left.</summary>
    private const int Overwhelming = 1_000_000;

    [Fact]
    public async Task a_customer_spends_the_free_spin_wins_the_coupon_and_spins_again_only_once_the_shanghai_day_changes()
    {
        var wheel = await CreateAsync(app, Body(app, Coupon(600, Overwhelming, stock: 100, minSpendFen: 2000), name: "午餐转盘"));
        var customer = FreshCustomer(app);
        (await MineAsync(customer, wheel))["spinsLeft"]!.GetValue<int>().ShouldBe(1);

        var spun = await SpinAsync(customer, wheel);
        spun.StatusCode.ShouldBe(HttpStatusCode.Created, await spun.Content.ReadAsStringAsync());
        var result = await OrderingKit.JsonOf(spun);
        result["segment"]!.GetValue<int>().ShouldBe(0);
        result["kind"]!.GetValue<string>().ShouldBe("coupon");
        result["spinsLeft"]!.GetValue<int>().ShouldBe(0);
        var couponId = result["couponId"]!.GetValue<Guid>();

        JsonNode? coupon = null;
        await PaymentProbe.EventuallyAsync(async () =>
        {
            coupon = (await customer.GetFromJsonAsync<JsonArray>("/api/me/coupons"))!.SingleOrDefault(c => c!["id"]!.GetValue<Guid>() == couponId);
            return coupon is not null;
        }, "the coupon won reaches the wallet");
        coupon!["amountFen"]!.GetValue<long>().ShouldBe(600);
        coupon["minSpendFen"]!.GetValue<long>().ShouldBe(2000);
        coupon["reason"]!.GetValue<string>().ShouldBe("幸运大转盘「午餐转盘」");

        await Refusals.ShouldBeRefusedAsync(await SpinAsync(customer, wheel), HttpStatusCode.Conflict, "spins");

        // 23:59 in Shanghai is still today, 00:00 is tomorrow (UTC's midnight is 08:00 there).
        var now = app.Clock.GetUtcNow();
        var midnight = new DateTimeOffset(now.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1), TimeSpan.FromHours(8));
        app.Clock.Advance(midnight - now - TimeSpan.FromMinutes(1));
        await Refusals.ShouldBeRefusedAsync(await SpinAsync(customer, wheel), HttpStatusCode.Conflict, "spins");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var mine = await MineAsync(customer, wheel);
        mine["spinsLeft"]!.GetValue<int>().ShouldBe(1);
        mine["myPrizes"]!.AsArray().Count.ShouldBe(1);
        (await SpinAsync(customer, wheel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Refusals.ShouldBeRefusedAsync(await SpinAsync(customer, wheel), HttpStatusCode.Conflict, "spins");
        (await OpsViewAsync(app, wheel))["prizes"]![0]!["won"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task each_friend_opening_the_share_link_earns_one_spin_up_to_the_days_cap_and_ones_own_link_earns_nothing()
    {
        var wheel = await CreateAsync(app, Body(app, Coupon(300, 1, stock: 100), freeSpinsPerDay: 1, maxShareSpinsPerDay: 2));
        var sharer = FreshCustomer(app);
        var code = (await MineAsync(sharer, wheel))["shareCode"]!.GetValue<string>();
        code.ShouldNotBeNullOrWhiteSpace();
        (await MineAsync(sharer, wheel))["shareCode"]!.GetValue<string>().ShouldBe(code, "a customer keeps one share link");

        await Refusals.ShouldBeRefusedAsync(await OpenShareAsync(sharer, wheel, code), HttpStatusCode.UnprocessableEntity, "from");
        await Refusals.ShouldBeRefusedAsync(await OpenShareAsync(FreshCustomer(app), wheel, "NOSUCH99"), HttpStatusCode.NotFound, "from");

        var friendA = FreshCustomer(app);
        (await OpenShareAsync(friendA, wheel, code.ToLowerInvariant())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Refusals.ShouldBeRefusedAsync(await OpenShareAsync(friendA, wheel, code), HttpStatusCode.Conflict, "from");
        (await OpenShareAsync(FreshCustomer(app), wheel, code)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Refusals.ShouldBeRefusedAsync(await OpenShareAsync(FreshCustomer(app), wheel, code), HttpStatusCode.Conflict, "from");

        var mine = await MineAsync(sharer, wheel);
        mine["spinsLeft"]!.GetValue<int>().ShouldBe(3);
        mine["shareSpinsToday"]!.GetValue<int>().ShouldBe(2);
        (await MineAsync(friendA, wheel))["spinsLeft"]!.GetValue<int>().ShouldBe(1, "helping a friend earns the helper nothing");
        for (var i = 0; i < 3; i++)
        {
            (await SpinAsync(sharer, wheel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await Refusals.ShouldBeRefusedAsync(await SpinAsync(sharer, wheel), HttpStatusCode.Conflict, "spins");

        // A new day: the same friend counts again, and yesterday's unspent share spins are gone.
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await OpenShareAsync(friendA, wheel, code)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MineAsync(sharer, wheel))["spinsLeft"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task ten_parallel_taps_with_one_spin_left_spin_exactly_once()
    {
        var wheel = await CreateAsync(app, Body(app, Coupon(300, 1, stock: 1000), freeSpinsPerDay: 1));
        var customer = FreshCustomer(app);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SpinAsync(customer, wheel)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await Refusals.ShouldBeRefusedAsync(refused, HttpStatusCode.Conflict, "spins");
        }

        var mine = await MineAsync(customer, wheel);
        mine["spinsToday"]!.GetValue<int>().ShouldBe(1);
        mine["spinCount"]!.GetValue<int>().ShouldBe(1);
        var ops = await OpsViewAsync(app, wheel);
        ops["spinsToday"]!.GetValue<int>().ShouldBe(1);
        ops["prizes"]!.AsArray().Sum(p => p!["won"]!.GetValue<int>()).ShouldBe(1);
    }

    [Fact]
    public async Task thirty_customers_spinning_in_parallel_never_win_more_of_a_prize_than_its_stock()
    {
        const int stock = 3;
        var wheel = await CreateAsync(app, Body(app, Coupon(800, Overwhelming, stock)));
        var crowd = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();

        var answers = await Task.WhenAll(crowd.Select(id => SpinAsync(app.Client(TestTokens.Issue(id, Kaifan.Contracts.Roles.Customer)), wheel)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        var results = await Task.WhenAll(answers.Select(OrderingKit.JsonOf));
        results.Count(r => r["segment"]!.GetValue<int>() == 0).ShouldBe(stock);
        results.Where(r => r["segment"]!.GetValue<int>() != 0).ShouldAllBe(r => r["kind"]!.GetValue<string>() == "nothing" && r["couponId"] == null);
        var prize = (await OpsViewAsync(app, wheel))["prizes"]![0]!;
        prize["won"]!.GetValue<int>().ShouldBe(stock);
        prize["left"]!.GetValue<int>().ShouldBe(0);
        (await MineAsync(FreshCustomer(app), wheel))["segments"]![0]!["soldOut"]!.GetValue<bool>().ShouldBeTrue();

        await PaymentProbe.EventuallyAsync(async () => await CouponCountAsync(crowd) == stock, "every coupon won is issued");
        await Task.Delay(500);
        (await CouponCountAsync(crowd)).ShouldBe(stock, "no coupon is issued twice");
    }

    [Fact]
    public async Task the_operator_alone_creates_wheels_and_bad_ones_are_refused_naming_the_field()
    {
        var good = Body(app, Coupon(500, 10, stock: 50));
        (await app.Client(TestTokens.Customer(1)).PostAsJsonAsync("/api/ops/growth/wheels", good)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var now = app.Clock.GetUtcNow();
        var ops = app.Client(TestTokens.Operator());
        var before = (await ops.GetFromJsonAsync<JsonArray>("/api/ops/growth/wheels"))!.Count;
        foreach (var (field, prizes, endsAt) in new (string, object[], DateTimeOffset)[]
        {
            ("prizes", [Coupon(500, 10, 50), Nothing(), Nothing()], now.AddDays(1)),
            ("prizes", [Coupon(500, 10, 50), Nothing(stock: 100), Coupon(100, 10, 50), Coupon(200, 10, 50)], now.AddDays(1)),
            ("prizes[1].weight", [Coupon(500, 10, 50), Nothing(weight: 0), Nothing(), Nothing()], now.AddDays(1)),
            ("prizes[0].stock", [new { kind = "coupon", amountFen = 500, minSpendFen = 0, couponDays = 7, weight = 1, stock = (int?)null }, Nothing(), Nothing(), Nothing()], now.AddDays(1)),
            ("prizes[0].amountFen", [Coupon(0, 10, 50), Nothing(), Nothing(), Nothing()], now.AddDays(1)),
            ("prizes[2].kind", [Coupon(500, 10, 50), Nothing(), new { kind = "hongbao", amountFen = 1, minSpendFen = 0, couponDays = 1, weight = 1, stock = 1 }, Nothing()], now.AddDays(1)),
            ("endsAt", [Coupon(500, 10, 50), Nothing(), Nothing(), Nothing()], now.AddDays(-1)),
        })
        {
            var refused = await ops.PostAsJsonAsync("/api/ops/growth/wheels", new
            {
                name = "坏转盘", startsAt = now, endsAt, freeSpinsPerDay = 1, maxShareSpinsPerDay = 3, prizes,
            });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await OrderingKit.JsonOf(refused))["errors"]!.AsObject().ShouldContain(e => e.Key == field, field);
        }

        (await ops.GetFromJsonAsync<JsonArray>("/api/ops/growth/wheels"))!.Count.ShouldBe(before, "nothing refused was created");
        var created = await CreateAsync(app, good);
        var listed = await OpsViewAsync(app, created);
        listed["status"]!.GetValue<string>().ShouldBe("running");
        listed["prizes"]!.AsArray().Select(p => p!["left"]?.GetValue<int>()).ShouldBe(new int?[] { 50, null, null, null });
    }

    [Fact]
    public async Task a_wheel_not_yet_open_or_over_refuses_spins_naming_the_wheel()
    {
        var now = app.Clock.GetUtcNow();
        var customer = FreshCustomer(app);
        await Refusals.ShouldBeRefusedAsync(await SpinAsync(customer, Guid.NewGuid()), HttpStatusCode.NotFound, "wheelId");
        var later = await CreateAsync(app, new
        {
            name = "晚点开", startsAt = now.AddHours(2), endsAt = now.AddDays(1), freeSpinsPerDay = 1, maxShareSpinsPerDay = 0,
            prizes = new[] { Coupon(300, 1, 10), Nothing(), Nothing(), Nothing() },
        });
        await Refusals.ShouldBeRefusedAsync(await SpinAsync(customer, later), HttpStatusCode.UnprocessableEntity, "wheelId");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await Refusals.ShouldBeRefusedAsync(await SpinAsync(customer, later), HttpStatusCode.UnprocessableEntity, "wheelId");
        (await OpsViewAsync(app, later))["prizes"]!.AsArray().Sum(p => p!["won"]!.GetValue<int>()).ShouldBe(0);
    }

    [Fact]
    public async Task spins_are_in_the_customers_data_export_and_go_with_their_account()
    {
        const int customer = 5;
        var wheel = await CreateAsync(app, Body(app, Coupon(400, Overwhelming, stock: 10)));
        var client = app.Client(TestTokens.Customer(customer));
        var shareCode = (await MineAsync(client, wheel))["shareCode"]!.GetValue<string>();
        var spinId = (await OrderingKit.JsonOf(await SpinAsync(client, wheel)))["spinId"]!.GetValue<Guid>();

        var export = (await client.GetFromJsonAsync<JsonNode>("/api/me/data-export"))!["sections"]!["luckyWheel"]!;
        export["shareCode"]!.GetValue<string>().ShouldBe(shareCode);
        export["spins"]!.AsArray().Single()!["spinId"]!.GetValue<Guid>().ShouldBe(spinId);
        export["spins"]![0]!["amountFen"]!.GetValue<long>().ShouldBe(400);
        export["days"]![0]!["spins"]!.GetValue<int>().ShouldBe(1);

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        var id = DemoCampus.CustomerId(customer);
        (await db.WheelSpins.CountAsync(s => s.CustomerId == id)).ShouldBe(0);
        (await db.WheelDays.CountAsync(d => d.CustomerId == id)).ShouldBe(0);
        (await db.WheelShareCodes.CountAsync(c => c.CustomerId == id)).ShouldBe(0);
        (await OpsViewAsync(app, wheel))["prizes"]![0]!["won"]!.GetValue<int>().ShouldBe(1, "the stock taken stays taken");
    }

    private async Task<int> CouponCountAsync(List<Guid> customers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().Coupons.CountAsync(c => customers.Contains(c.CustomerId));
    }
}

public sealed class LuckyWheelOnSqlite(LunchtimeSqliteApp app) : LuckyWheelTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class LuckyWheelOnPostgres(LunchtimePostgresApp app) : LuckyWheelTests(app), IClassFixture<LunchtimePostgresApp>;
