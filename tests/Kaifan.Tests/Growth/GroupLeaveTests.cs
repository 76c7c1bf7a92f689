using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Contracts;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using static Kaifan.Tests.Growth.GroupBuyKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 退出拼团: a paid member leaves before the group forms, is refunded and frees the seat for someone else; once the
/// group formed the leave is refused and nothing changes; and a leave racing the payment that fills the group ends
/// one way or the other, never both.
/// </summary>
public abstract class GroupLeaveTests(KaifanApp app)
{
    private readonly GroupBuyKit kit = new(app);

    [Fact]
    public async Task a_paid_member_who_leaves_is_refunded_their_seat_is_taken_by_another_and_the_lead_passes_on()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 3);
        var (leader, second, unpaid, latecomer) = (await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        var payment = await kit.PayAsync(leader, opened);
        var joined = await PlacedAsync(JoinAsync(second, groupId));
        await kit.PayAsync(second, joined);
        var seated = await PlacedAsync(JoinAsync(unpaid, groupId));
        await EventuallyPaidSeatsAsync(leader, groupId, 2);
        (await GroupAsync(leader, groupId))["canLeave"]!.GetValue<bool>().ShouldBeTrue();
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(latecomer, groupId), HttpStatusCode.Conflict, "groupId");
        await Refusals.ShouldBeRefusedAsync(await LeaveAsync(unpaid, groupId), HttpStatusCode.UnprocessableEntity, "groupId");
        await Refusals.ShouldBeRefusedAsync(await LeaveAsync(latecomer, groupId), HttpStatusCode.NotFound, "groupId");

        (await LeaveAsync(leader, groupId)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await EventuallyStatusAsync(leader, opened, "Cancelled");
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(leader, opened))["refundedAt"] is not null, "the leaver is refunded", seconds: 45);
        (await OrderAsync(leader, opened))["cancelReason"]!.GetValue<string>().ShouldBe("退出拼团");
        (await new PaymentProbe(app).TransitionCountAsync(payment)).ShouldBe(3); // paid, refunding, refunded: once each
        var group = await GroupAsync(leader, groupId);
        (group["status"]!.GetValue<string>(), group["taken"]!.GetValue<int>(), group["paid"]!.GetValue<int>()).ShouldBe(("open", 2, 1));
        (group["myOrderId"], group["canLeave"]!.GetValue<bool>()).ShouldBe((null, false));
        var lead = (await GroupAsync(second, groupId))["seats"]!.AsArray().Single(s => s!["isLeader"]!.GetValue<bool>())!;
        lead["isMe"]!.GetValue<bool>().ShouldBeTrue();
        await Refusals.ShouldBeRefusedAsync(await LeaveAsync(leader, groupId), HttpStatusCode.NotFound, "groupId");

        var late = await PlacedAsync(JoinAsync(latecomer, groupId));
        await kit.PayAsync(unpaid, seated);
        await kit.PayAsync(latecomer, late);
        foreach (var (shopper, order) in new[] { (second, joined), (unpaid, seated), (latecomer, late) })
        {
            await EventuallyStatusAsync(shopper, order, "AwaitingAcceptance");
        }

        var board = await kit.MerchantOrderIdsAsync();
        board.ShouldNotContain(OrderingKit.IdOf(opened));
        (await StatusAsync(leader, opened)).ShouldBe("Cancelled");
    }

    [Fact]
    public async Task leaving_a_formed_group_is_refused_and_changes_nothing()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2);
        var (leader, second) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        await kit.PayAsync(leader, opened);
        var joined = await PlacedAsync(JoinAsync(second, groupId));
        await kit.PayAsync(second, joined);
        await EventuallyStatusAsync(leader, opened, "AwaitingAcceptance");
        await EventuallyStatusAsync(second, joined, "AwaitingAcceptance");

        await Refusals.ShouldBeRefusedAsync(await LeaveAsync(leader, groupId), HttpStatusCode.UnprocessableEntity, "groupId");
        await Refusals.ShouldBeRefusedAsync(await LeaveAsync(second, Guid.NewGuid()), HttpStatusCode.NotFound, "groupId");

        var group = await GroupAsync(leader, groupId);
        (group["status"]!.GetValue<string>(), group["paid"]!.GetValue<int>(), group["canLeave"]!.GetValue<bool>()).ShouldBe(("formed", 2, false));
        var order = await OrderAsync(leader, opened);
        (order["status"]!.GetValue<string>(), order["refundedAt"]).ShouldBe(("AwaitingAcceptance", null));
        (await kit.MerchantOrderIdsAsync()).ShouldContain(OrderingKit.IdOf(opened));
    }

    /// <summary>
    /// The last member's payment and the leader's leave at once, several times: the leave goes with the payment, or
    /// as soon as Ordering has the last order 待成团, when Growth is counting its seat. Either the group formed and the
    /// leave was refused (no refund, every order to the merchant), or the leave was applied and the group did not form.
    /// </summary>
    [Fact]
    public async Task a_leave_racing_the_payment_that_fills_the_group_either_is_refused_or_keeps_the_group_from_forming()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2);
        for (var round = 0; round < 4; round++)
        {
            var (leader, last) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
            var opened = await PlacedAsync(OpenAsync(leader, dealId));
            var groupId = GroupOf(opened);
            await kit.PayAsync(leader, opened);
            await EventuallyPaidSeatsAsync(leader, groupId, 1);
            var joined = await PlacedAsync(JoinAsync(last, groupId));

            var paying = kit.PayAsync(last, joined);
            if (round % 2 == 1)
            {
                // No pause between looks: the leave should land while Growth is still counting the seat.
                var until = DateTime.UtcNow.AddSeconds(45);
                while (await StatusAsync(last, joined) == "AwaitingPayment" && DateTime.UtcNow < until)
                {
                }
            }

            var leaving = LeaveAsync(leader, groupId);
            await Task.WhenAll(paying, leaving);
            var left = await leaving;
            left.StatusCode.ShouldBeOneOf(HttpStatusCode.NoContent, HttpStatusCode.UnprocessableEntity);

            if (left.StatusCode == HttpStatusCode.NoContent)
            {
                await EventuallyStatusAsync(leader, opened, "Cancelled");
                await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(leader, opened))["refundedAt"] is not null, "the leaver is refunded", seconds: 45);
                await EventuallyPaidSeatsAsync(last, groupId, 1);
                (await GroupAsync(last, groupId))["status"]!.GetValue<string>().ShouldBe("open");
                (await StatusAsync(last, joined)).ShouldBe("AwaitingGroup");
                var board = await kit.MerchantOrderIdsAsync();
                board.ShouldNotContain(OrderingKit.IdOf(opened));
                board.ShouldNotContain(OrderingKit.IdOf(joined));
            }
            else
            {
                await EventuallyStatusAsync(leader, opened, "AwaitingAcceptance");
                await EventuallyStatusAsync(last, joined, "AwaitingAcceptance");
                (await GroupAsync(leader, groupId))["status"]!.GetValue<string>().ShouldBe("formed");
                var order = await OrderAsync(leader, opened);
                (order["refundedAt"], order["cancelledAt"]).ShouldBe((null, null));
            }
        }
    }

    private static Task<HttpResponseMessage> LeaveAsync(Shopper shopper, Guid groupId) =>
        shopper.Client.PostAsync($"/api/growth/groups/{groupId}/leave", null);

    /// <summary>Growth counts a paid seat from the payment's event, a moment after Ordering moved the order.</summary>
    private static Task EventuallyPaidSeatsAsync(Shopper viewer, Guid groupId, int paid) =>
        PaymentProbe.EventuallyAsync(async () => (await GroupAsync(viewer, groupId))["paid"]!.GetValue<int>() == paid, $"{paid} seats are paid", seconds: 45);
}

public sealed class GroupLeaveOnSqlite(LunchtimeSqliteApp app) : GroupLeaveTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class GroupLeaveOnPostgres(LunchtimePostgresApp app) : GroupLeaveTests(app), IClassFixture<LunchtimePostgresApp>;
