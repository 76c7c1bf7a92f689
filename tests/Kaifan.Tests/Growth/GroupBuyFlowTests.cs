using System.Net;
using System.Net.Http.Json;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Growth.GroupBuyKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 拼团 end to end: paid orders wait (待成团) unseen by the merchant until the last member pays, then reach the merchant
/// together; a window that ends unfilled cancels every member's order and refunds the paid ones, the merchant never
/// seeing any of them.
/// </summary>
public abstract class GroupBuyFlowTests(KaifanApp app)
{
    private readonly GroupBuyKit kit = new(app);

    [Fact]
    public async Task a_group_forms_when_its_last_member_pays_and_only_then_does_the_merchant_see_all_its_orders()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 3);
        var (leader, second, third) = (await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync());

        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        opened["lines"]![0]!["unitPriceFen"]!.GetValue<long>().ShouldBe(GroupPriceFen);
        opened["itemsTotalFen"]!.GetValue<long>().ShouldBe(GroupPriceFen);
        await kit.PayAsync(leader, opened);
        await EventuallyStatusAsync(leader, opened, "AwaitingGroup");
        (await OrderAsync(leader, opened))["statusText"]!.GetValue<string>().ShouldBe("待成团");

        var joined = await PlacedAsync(JoinAsync(second, groupId));
        GroupOf(joined).ShouldBe(groupId);
        await kit.PayAsync(second, joined);
        await EventuallyStatusAsync(second, joined, "AwaitingGroup");

        // Growth counts the paid seat from the payment's event, a moment after Ordering moved the order.
        await PaymentProbe.EventuallyAsync(async () => (await GroupAsync(third, groupId))["missing"]!.GetValue<int>() == 1, "two of three seats are paid", seconds: 45);
        var waiting = await GroupAsync(third, groupId);
        waiting["status"]!.GetValue<string>().ShouldBe("open");
        waiting["canJoin"]!.GetValue<bool>().ShouldBeTrue();

        // Paid but not formed: not on the merchant's board, and not to be accepted by id either.
        var board = await kit.MerchantOrderIdsAsync();
        board.ShouldNotContain(Ordering.OrderingKit.IdOf(opened));
        board.ShouldNotContain(Ordering.OrderingKit.IdOf(joined));
        var early = await kit.Staff.PostAsJsonAsync($"/api/merchant/orders/{Ordering.OrderingKit.IdOf(opened)}/accept", new { prepMinutes = 10 });
        early.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var last = await PlacedAsync(JoinAsync(third, groupId));
        await kit.PayAsync(third, last);

        foreach (var (shopper, order) in new[] { (leader, opened), (second, joined), (third, last) })
        {
            await EventuallyStatusAsync(shopper, order, "AwaitingAcceptance");
            (await OrderAsync(shopper, order))["groupFormedAt"].ShouldNotBeNull();
        }

        var formed = await GroupAsync(leader, groupId);
        formed["status"]!.GetValue<string>().ShouldBe("formed");
        formed["seats"]!.AsArray().Count.ShouldBe(3);
        formed["seats"]!.AsArray().ShouldAllBe(s => s!["paid"]!.GetValue<bool>());
        var listed = (await kit.Staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/merchant/orders"))!
            .Where(o => o!["groupBuyId"]?.GetValue<Guid>() == groupId).Select(o => o!["id"]!.GetValue<Guid>()).ToList();
        listed.ShouldBe([Ordering.OrderingKit.IdOf(opened), Ordering.OrderingKit.IdOf(joined), Ordering.OrderingKit.IdOf(last)], ignoreOrder: true);
        (await kit.OpsDealAsync(dealId))["groupsFormed"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task a_group_whose_window_ends_unfilled_refunds_every_paid_member_and_the_merchant_never_sees_them()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 3, windowMinutes: 10);
        var (leader, second, unpaid) = (await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        var joined = await PlacedAsync(JoinAsync(second, groupId));
        var seated = await PlacedAsync(JoinAsync(unpaid, groupId));
        var payments = new[] { await kit.PayAsync(leader, opened), await kit.PayAsync(second, joined) };
        await EventuallyStatusAsync(leader, opened, "AwaitingGroup");
        await EventuallyStatusAsync(second, joined, "AwaitingGroup");

        // Too early: the window is still open and nothing happens.
        await kit.WindowEndsAsync(groupId);
        (await GroupAsync(leader, groupId))["status"]!.GetValue<string>().ShouldBe("open");

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await kit.WindowEndsAsync(groupId);
        await kit.WindowEndsAsync(groupId);

        var probe = new PaymentProbe(app);
        foreach (var (shopper, order, payment) in new[] { (leader, opened, payments[0]), (second, joined, payments[1]) })
        {
            await EventuallyStatusAsync(shopper, order, "Cancelled");
            await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["refundedAt"] is not null, "the member is refunded", seconds: 45);
            (await OrderAsync(shopper, order))["cancelReason"]!.GetValue<string>().ShouldBe("拼团失败");
            (await probe.TransitionCountAsync(payment)).ShouldBe(3); // paid, refunding, refunded: once each
        }

        await EventuallyStatusAsync(unpaid, seated, "Cancelled");
        (await OrderAsync(unpaid, seated))["refundDue"]!.GetValue<bool>().ShouldBeFalse();
        (await GroupAsync(leader, groupId))["status"]!.GetValue<string>().ShouldBe("failed");
        var board = await kit.MerchantOrderIdsAsync();
        new[] { opened, joined, seated }.ShouldAllBe(o => !board.Contains(Ordering.OrderingKit.IdOf(o)));
        (await kit.OpsDealAsync(dealId))["groupsFailed"]!.GetValue<int>().ShouldBe(1);

        var late = await JoinAsync(await kit.NewShopperAsync(), groupId);
        await Refusals.ShouldBeRefusedAsync(late, HttpStatusCode.Conflict, "groupId");
    }
}

public sealed class GroupBuyFlowOnSqlite(LunchtimeSqliteApp app) : GroupBuyFlowTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class GroupBuyFlowOnPostgres(LunchtimePostgresApp app) : GroupBuyFlowTests(app), IClassFixture<LunchtimePostgresApp>;
