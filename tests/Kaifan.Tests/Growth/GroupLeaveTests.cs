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
/// one way or the other, never both. A group everyone left is disbanded, not failed; one who left may join again.
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

    [Fact]
    public async Task a_group_everyone_left_is_disbanded_not_failed_and_each_leaver_keeps_the_seat_in_their_export()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 3);
        var (leader, second) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        await kit.PayAsync(leader, opened);
        var joined = await PlacedAsync(JoinAsync(second, groupId));
        await kit.PayAsync(second, joined);
        await EventuallyPaidSeatsAsync(leader, groupId, 2);

        (await LeaveAsync(second, groupId)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await GroupAsync(leader, groupId))["status"]!.GetValue<string>().ShouldBe("open");
        (await LeaveAsync(leader, groupId)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var group = await GroupAsync(leader, groupId);
        (group["status"]!.GetValue<string>(), group["taken"]!.GetValue<int>(), group["canJoin"]!.GetValue<bool>()).ShouldBe(("disbanded", 0, false));
        var deal = await kit.OpsDealAsync(dealId);
        (deal["groupsDisbanded"]!.GetValue<int>(), deal["groupsFailed"]!.GetValue<int>(), deal["groupsOpen"]!.GetValue<int>()).ShouldBe((1, 0, 0));
        await EventuallyStatusAsync(leader, opened, "Cancelled");
        await EventuallyStatusAsync(second, joined, "Cancelled");
        (await OrderAsync(second, joined))["cancelReason"]!.GetValue<string>().ShouldBe("退出拼团");

        foreach (var (shopper, order, wasLeader) in new[] { (leader, opened, true), (second, joined, false) })
        {
            var seat = (await kit.ExportedSeatsAsync(shopper)).Single()!;
            (seat["OrderId"]!.GetValue<Guid>(), seat["Membership"]!.GetValue<string>(), seat["Leader"]!.GetValue<bool>(), seat["GroupStatus"]!.GetValue<string>())
                .ShouldBe((OrderingKit.IdOf(order), "left", wasLeader, "disbanded"));
            seat["PaidAt"].ShouldNotBeNull();
            seat["LeftAt"]!.GetValue<DateTimeOffset>().ShouldBe(app.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public async Task a_group_whose_only_unpaid_order_is_cancelled_is_disbanded_at_once_and_can_no_longer_be_joined()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2);
        var (quitter, latecomer) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(quitter, dealId));
        var groupId = GroupOf(opened);

        await CancelAsync(quitter, opened);

        await ShouldBeDisbandedAsync(latecomer, groupId);
        var deal = await kit.OpsDealAsync(dealId);
        (deal["groupsDisbanded"]!.GetValue<int>(), deal["groupsFailed"]!.GetValue<int>(), deal["groupsOpen"]!.GetValue<int>()).ShouldBe((1, 0, 0));
        var seat = (await kit.ExportedSeatsAsync(quitter)).Single()!;
        (seat["Membership"]!.GetValue<string>(), seat["PaidAt"], seat["GroupStatus"]!.GetValue<string>()).ShouldBe(("orderCancelled", null, "disbanded"));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await kit.WindowEndsAsync(groupId);
        (await kit.OpsDealAsync(dealId))["groupsFailed"]!.GetValue<int>().ShouldBe(0, "the window's end finds nothing left to fail");
    }

    /// <summary>The 团长's order cancelled unpaid frees the seat as a leave would: the paid member leads, and someone new takes the seat.</summary>
    [Fact]
    public async Task a_cancelled_unpaid_order_frees_its_seat_and_the_group_goes_on_with_the_others()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2);
        var (quitter, member, latecomer) = (await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(quitter, dealId));
        var groupId = GroupOf(opened);
        var joined = await PlacedAsync(JoinAsync(member, groupId));
        await kit.PayAsync(member, joined);
        await EventuallyPaidSeatsAsync(member, groupId, 1);
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(latecomer, groupId), HttpStatusCode.Conflict, "groupId");

        await CancelAsync(quitter, opened);

        await ShouldGoOnWithThePaidMemberAsync(member, latecomer, groupId);
        var seat = (await kit.ExportedSeatsAsync(quitter)).Single()!;
        (seat["Membership"]!.GetValue<string>(), seat["Leader"]!.GetValue<bool>(), seat["GroupStatus"]!.GetValue<string>()).ShouldBe(("orderCancelled", true, "open"));

        var last = await PlacedAsync(JoinAsync(latecomer, groupId));
        await kit.PayAsync(latecomer, last);
        await EventuallyStatusAsync(member, joined, "AwaitingAcceptance");
        await EventuallyStatusAsync(latecomer, last, "AwaitingAcceptance");
        (await GroupAsync(member, groupId))["status"]!.GetValue<string>().ShouldBe("formed");
    }

    /// <summary>
    /// 支付超时: a seat whose order is never paid goes when the payment deadline passes, as a cancelled order's does: the
    /// paid member takes the lead and someone new may join, and a group whose only seat expired is disbanded.
    /// </summary>
    [Fact]
    public async Task orders_never_paid_expire_at_the_deadline_freeing_their_seats_passing_the_lead_on_and_disbanding_an_emptied_group()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 2, windowMinutes: 60);
        var (dawdler, member, loner, latecomer) = (await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(dawdler, dealId));
        var groupId = GroupOf(opened);
        var joined = await PlacedAsync(JoinAsync(member, groupId));
        await kit.PayAsync(member, joined);
        await EventuallyPaidSeatsAsync(member, groupId, 1);
        var alone = await PlacedAsync(OpenAsync(loner, dealId));
        var lonelyGroupId = GroupOf(alone);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await app.DeadlineAsync(OrderingKit.IdOf(opened));
        await app.DeadlineAsync(OrderingKit.IdOf(alone));

        (await StatusAsync(dawdler, opened), await StatusAsync(loner, alone)).ShouldBe(("Cancelled", "Cancelled"));
        await ShouldGoOnWithThePaidMemberAsync(member, latecomer, groupId);
        var seat = (await kit.ExportedSeatsAsync(dawdler)).Single()!;
        (seat["Membership"]!.GetValue<string>(), seat["Leader"]!.GetValue<bool>()).ShouldBe(("orderCancelled", true));

        await ShouldBeDisbandedAsync(latecomer, lonelyGroupId);
    }

    /// <summary>The group of a freed seat goes on: open with the one paid seat, whose member now leads, and open to someone new.</summary>
    private async Task ShouldGoOnWithThePaidMemberAsync(Shopper member, Shopper latecomer, Guid groupId)
    {
        await PaymentProbe.EventuallyAsync(async () => (await GroupAsync(member, groupId))["taken"]!.GetValue<int>() == 1, "the seat is released", seconds: 45);
        var group = await GroupAsync(member, groupId);
        (group["status"]!.GetValue<string>(), group["paid"]!.GetValue<int>()).ShouldBe(("open", 1));
        group["seats"]!.AsArray().Single(s => s!["isLeader"]!.GetValue<bool>())!["isMe"]!.GetValue<bool>().ShouldBeTrue("the lead passes to the paid member");
        (await GroupAsync(latecomer, groupId))["canJoin"]!.GetValue<bool>().ShouldBeTrue();
    }

    /// <summary>A group left without a seat is disbanded at once: nothing taken, and nobody may join it.</summary>
    private async Task ShouldBeDisbandedAsync(Shopper latecomer, Guid groupId)
    {
        await PaymentProbe.EventuallyAsync(async () => (await GroupAsync(latecomer, groupId))["status"]!.GetValue<string>() == "disbanded", "the group is disbanded", seconds: 45);
        var group = await GroupAsync(latecomer, groupId);
        (group["taken"]!.GetValue<int>(), group["canJoin"]!.GetValue<bool>()).ShouldBe((0, false));
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(latecomer, groupId), HttpStatusCode.Conflict, "groupId");
    }

    /// <summary>
    /// As on 拼多多, one who left may join the same group again with a new order: the seat count and the lead stay right
    /// (the lead passed on does not come back), and their export has both seats, the one given up and the one held.
    /// </summary>
    [Fact]
    public async Task a_leader_who_left_can_join_again_as_a_member_and_the_export_shows_both_seats()
    {
        var dealId = await kit.CreateDealAsync(groupSize: 3);
        var (leader, second, third) = (await kit.NewShopperAsync(), await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var opened = await PlacedAsync(OpenAsync(leader, dealId));
        var groupId = GroupOf(opened);
        await kit.PayAsync(leader, opened);
        var joined = await PlacedAsync(JoinAsync(second, groupId));
        await kit.PayAsync(second, joined);
        await EventuallyPaidSeatsAsync(leader, groupId, 2);
        (await LeaveAsync(leader, groupId)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await GroupAsync(leader, groupId))["canJoin"]!.GetValue<bool>().ShouldBeTrue();

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var rejoined = await PlacedAsync(JoinAsync(leader, groupId));
        await kit.PayAsync(leader, rejoined);
        await EventuallyPaidSeatsAsync(leader, groupId, 2);

        var group = await GroupAsync(leader, groupId);
        (group["taken"]!.GetValue<int>(), group["myOrderId"]!.GetValue<Guid>(), group["canLeave"]!.GetValue<bool>()).ShouldBe((2, OrderingKit.IdOf(rejoined), true));
        var seats = group["seats"]!.AsArray();
        seats.Count(s => s!["isMe"]!.GetValue<bool>()).ShouldBe(1);
        seats.Single(s => s!["isLeader"]!.GetValue<bool>())!["isMe"]!.GetValue<bool>().ShouldBeFalse("the lead stays with the heir");
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(leader, groupId), HttpStatusCode.Conflict, "groupId");

        var last = await PlacedAsync(JoinAsync(third, groupId));
        await kit.PayAsync(third, last);
        await EventuallyStatusAsync(leader, rejoined, "AwaitingAcceptance");
        (await GroupAsync(third, groupId))["status"]!.GetValue<string>().ShouldBe("formed");
        await EventuallyStatusAsync(leader, opened, "Cancelled");
        var board = await kit.MerchantOrderIdsAsync();
        board.ShouldContain(OrderingKit.IdOf(rejoined));
        board.ShouldNotContain(OrderingKit.IdOf(opened));

        var history = await kit.ExportedSeatsAsync(leader);
        history.Select(s => (s!["OrderId"]!.GetValue<Guid>(), s["Membership"]!.GetValue<string>(), s["Leader"]!.GetValue<bool>(), s["GroupStatus"]!.GetValue<string>()))
            .ShouldBe([(OrderingKit.IdOf(opened), "left", true, "formed"), (OrderingKit.IdOf(rejoined), "joined", false, "formed")]);
    }

    private static async Task CancelAsync(Shopper shopper, JsonNode order)
    {
        var cancelled = await shopper.Client.PostAsJsonAsync($"/api/orders/{OrderingKit.IdOf(order)}/cancel", new { reason = "不想要了" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> LeaveAsync(Shopper shopper, Guid groupId) =>
        shopper.Client.PostAsync($"/api/growth/groups/{groupId}/leave", null);

    /// <summary>Growth counts a paid seat from the payment's event, a moment after Ordering moved the order.</summary>
    private static Task EventuallyPaidSeatsAsync(Shopper viewer, Guid groupId, int paid) =>
        PaymentProbe.EventuallyAsync(async () => (await GroupAsync(viewer, groupId))["paid"]!.GetValue<int>() == paid, $"{paid} seats are paid", seconds: 45);
}

public sealed class GroupLeaveOnSqlite(LunchtimeSqliteApp app) : GroupLeaveTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class GroupLeaveOnPostgres(LunchtimePostgresApp app) : GroupLeaveTests(app), IClassFixture<LunchtimePostgresApp>;
