using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using static Kaifan.Tests.Growth.LuckyWheelKit;

namespace Kaifan.Tests.Growth;

/// <summary>The operator adjusts a running wheel (name, end, daily spins, prizes' weight and stock) or ends it early.</summary>
public abstract partial class LuckyWheelTests
{
    private HttpClient Operator => app.Client(TestTokens.Operator());

    [Fact]
    public async Task the_operator_restocks_a_sold_out_prize_extends_the_wheel_and_then_ends_it_early()
    {
        var wheel = await CreateAsync(app, Body(app, Coupon(300, Overwhelming, stock: 1)));
        (await SpinAsync(FreshCustomer(app), wheel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await OpsViewAsync(app, wheel))["prizes"]![0]!["left"]!.GetValue<int>().ShouldBe(0);

        var endsAt = app.Clock.GetUtcNow().AddDays(5);
        var edited = await Operator.PutAsJsonAsync($"/api/ops/growth/wheels/{wheel}", Edit("补货转盘", endsAt, (0, Overwhelming, 3), (1, 2, null), (2, 1, null), (3, 1, null)));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var view = await OrderingKit.JsonOf(edited);
        view["name"]!.GetValue<string>().ShouldBe("补货转盘");
        view["endsAt"]!.GetValue<DateTimeOffset>().ShouldBe(endsAt, TimeSpan.FromMilliseconds(1));
        view["freeSpinsPerDay"]!.GetValue<int>().ShouldBe(2);
        view["prizes"]!.AsArray().Select(p => p!["weight"]!.GetValue<int>()).ShouldBe([Overwhelming, 2, 1, 1]);
        view["prizes"]![0]!["left"]!.GetValue<int>().ShouldBe(2);

        var next = await OrderingKit.JsonOf(await SpinAsync(FreshCustomer(app), wheel));
        next["kind"]!.GetValue<string>().ShouldBe("coupon", "the restocked coupon is won again");
        (await MineAsync(FreshCustomer(app), wheel))["spinsLeft"]!.GetValue<int>().ShouldBe(2);

        var ended = await Operator.PostAsync($"/api/ops/growth/wheels/{wheel}/end", null);
        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OrderingKit.JsonOf(ended))["status"]!.GetValue<string>().ShouldBe("ended");
        await Refusals.ShouldBeRefusedAsync(await SpinAsync(FreshCustomer(app), wheel), HttpStatusCode.UnprocessableEntity, "wheelId");
        await Refusals.ShouldBeRefusedAsync(await Operator.PostAsync($"/api/ops/growth/wheels/{wheel}/end", null), HttpStatusCode.Conflict, "wheelId");
        await Refusals.ShouldBeRefusedAsync(
            await Operator.PutAsJsonAsync($"/api/ops/growth/wheels/{wheel}", Edit("太迟", endsAt, (0, 1, 3), (1, 1, null), (2, 1, null), (3, 1, null))),
            HttpStatusCode.UnprocessableEntity, "wheelId");
    }

    [Fact]
    public async Task a_bad_edit_is_refused_naming_the_field_and_changes_nothing()
    {
        var wheel = await CreateAsync(app, Body(app, Coupon(300, Overwhelming, stock: 5), name: "原名"));
        (await SpinAsync(FreshCustomer(app), wheel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SpinAsync(FreshCustomer(app), wheel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = (await OpsViewAsync(app, wheel)).ToJsonString();
        var later = app.Clock.GetUtcNow().AddDays(4);

        foreach (var (status, field, body) in new (HttpStatusCode, string, object)[]
        {
            (HttpStatusCode.Conflict, "prizes[0].stock", Edit("新名", later, (0, 1, 1), (1, 1, null), (2, 1, null), (3, 1, null))),
            (HttpStatusCode.UnprocessableEntity, "prizes[0].stock", Edit("新名", later, (0, 1, null), (1, 1, null), (2, 1, null), (3, 1, null))),
            (HttpStatusCode.UnprocessableEntity, "prizes", Edit("新名", later, (0, 1, 9), (1, 1, null), (2, 1, null))),
            (HttpStatusCode.UnprocessableEntity, "prizes", Edit("新名", later, (0, 1, 9), (1, 1, 5), (2, 1, 5), (3, 1, 5))),
            (HttpStatusCode.UnprocessableEntity, "endsAt", Edit("新名", app.Clock.GetUtcNow().AddMinutes(-5), (0, 1, 9), (1, 1, null), (2, 1, null), (3, 1, null))),
            (HttpStatusCode.BadRequest, "prizes[1].weight", Edit("新名", later, (0, 1, 9), (1, 0, null), (2, 1, null), (3, 1, null))),
            (HttpStatusCode.BadRequest, "prizes", Edit("新名", later, (0, 1, 9), (0, 1, 9), (2, 1, null), (3, 1, null))),
        })
        {
            await Refusals.ShouldBeRefusedAsync(await Operator.PutAsJsonAsync($"/api/ops/growth/wheels/{wheel}", body), status, field);
        }

        var good = Edit("新名", later, (0, 1, 9), (1, 1, null), (2, 1, null), (3, 1, null));
        (await app.Client(TestTokens.Customer(1)).PutAsJsonAsync($"/api/ops/growth/wheels/{wheel}", good)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Refusals.ShouldBeRefusedAsync(await Operator.PutAsJsonAsync($"/api/ops/growth/wheels/{Guid.NewGuid()}", good), HttpStatusCode.NotFound, "wheelId");
        (await OpsViewAsync(app, wheel)).ToJsonString().ShouldBe(before, "a refused edit keeps nothing, not even the name changed before the stock was refused");
    }

    [Fact]
    public async Task cutting_a_prizes_stock_while_customers_spin_never_leaves_more_won_than_the_stock()
    {
        var outcomes = new HashSet<HttpStatusCode>();
        for (var round = 0; round < 4; round++)
        {
            var wheel = await CreateAsync(app, Body(app, Coupon(300, Overwhelming, stock: 6)));
            var cut = Operator.PutAsJsonAsync(
                $"/api/ops/growth/wheels/{wheel}", Edit("限量", app.Clock.GetUtcNow().AddDays(2), (0, Overwhelming, 2), (1, 1, null), (2, 1, null), (3, 1, null)));
            var spins = Enumerable.Range(0, 6).Select(_ => SpinAsync(FreshCustomer(app), wheel)).ToList();
            await Task.WhenAll(spins.Append(cut));

            var answer = (await cut).StatusCode;
            outcomes.Add(answer);
            var prize = (await OpsViewAsync(app, wheel))["prizes"]![0]!;
            var (won, stock) = (prize["won"]!.GetValue<int>(), prize["stock"]!.GetValue<int>());
            won.ShouldBeLessThanOrEqualTo(stock);
            stock.ShouldBe(answer == HttpStatusCode.OK ? 2 : 6, $"round {round}: {answer}");
            var coupons = 0;
            foreach (var spin in spins)
            {
                coupons += (await OrderingKit.JsonOf(await spin))["kind"]!.GetValue<string>() == "coupon" ? 1 : 0;
            }

            coupons.ShouldBe(won);
        }

        outcomes.ShouldBeSubsetOf([HttpStatusCode.OK, HttpStatusCode.Conflict]);
    }

    private static object Edit(string name, DateTimeOffset endsAt, params (int Segment, int Weight, int? Stock)[] prizes) => new
    {
        name,
        endsAt,
        freeSpinsPerDay = 2,
        maxShareSpinsPerDay = 3,
        prizes = prizes.Select(p => new { segment = p.Segment, weight = p.Weight, stock = p.Stock }).ToArray(),
    };
}
