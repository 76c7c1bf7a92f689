using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Growth.Presales;
using Kaifan.Payments;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Ordering;
using Kaifan.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using static Kaifan.Tests.Growth.GroupBuyKit;
using static Kaifan.Tests.Growth.PresaleKit;

namespace Kaifan.Tests.Growth;

/// <summary>
/// 停止接龙: the shop (or the operator) stops an open chain; every order is cancelled through the cut-off's own path
/// and the paid ones refunded once. A stop racing a payment, a leave or the cut-off never leaves an order held in a
/// stopped chain, nor cancels a confirmed one.
/// </summary>
public abstract partial class PresaleTests
{
    private const string StoppedReason = "商家已停止接龙";

    [Fact]
    public async Task stopping_an_open_chain_cancels_every_order_refunds_the_paid_once_and_frees_the_unpaid_portions()
    {
        var id = IdOf(await kit.CreateAsync(minimum: 3));
        var (paid, unpaid) = (await kit.NewShopperAsync(), await kit.NewShopperAsync());
        var paidOrder = await PlacedAsync(JoinAsync(paid, id, 2));
        var payment = await kit.PayAsync(paid, paidOrder);
        await EventuallyJoinedAsync(paid, id, 2);
        var unpaidOrder = await PlacedAsync(JoinAsync(unpaid, id, 1));
        await Refusals.ShouldBeRefusedAsync(await StopAsync(app.Client(TestTokens.MerchantStaff(2)), id), HttpStatusCode.NotFound, "presaleId");
        (await ChainAsync(paid, id))["presale"]!["status"]!.GetValue<string>().ShouldBe("open");

        var stopped = await StopAsync(kit.Staff, id);

        stopped.StatusCode.ShouldBe(HttpStatusCode.OK, await stopped.Content.ReadAsStringAsync());
        (await OrderingKit.JsonOf(stopped))["status"]!.GetValue<string>().ShouldBe("stopped");
        await EventuallyStatusAsync(paid, paidOrder, "Cancelled");
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(paid, paidOrder))["refundedAt"] is not null, "the paid entry is refunded", seconds: 45);
        (await OrderAsync(paid, paidOrder))["cancelReason"]!.GetValue<string>().ShouldBe(StoppedReason);
        (await new PaymentProbe(app).TransitionCountAsync(payment)).ShouldBe(3); // paid, refunding, refunded: once each
        await EventuallyStatusAsync(unpaid, unpaidOrder, "Cancelled");
        (await OrderAsync(unpaid, unpaidOrder))["refundDue"]!.GetValue<bool>().ShouldBeFalse();
        await PaymentProbe.EventuallyAsync(async () => (await ChainAsync(paid, id))["presale"]!["taken"]!.GetValue<int>() == 2, "the unpaid portion is freed");
        (await ChainAsync(paid, id))["presale"]!["status"]!.GetValue<string>().ShouldBe("stopped");
        await Refusals.ShouldBeRefusedAsync(await JoinAsync(await kit.NewShopperAsync(), id, 1), HttpStatusCode.UnprocessableEntity, "presaleId");
        await Refusals.ShouldBeRefusedAsync(await StopAsync(kit.Staff, id), HttpStatusCode.UnprocessableEntity, "presaleId");

        var other = IdOf(await kit.CreateAsync());
        (await StopAsync(app.Client(TestTokens.Operator()), other, ops: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ChainAsync(paid, other))["presale"]!["status"]!.GetValue<string>().ShouldBe("stopped");
    }

    [Fact]
    public async Task a_chain_the_cut_off_decided_cannot_be_stopped_and_nothing_changes()
    {
        var id = IdOf(await kit.CreateAsync(minimum: 1));
        var shopper = await kit.NewShopperAsync();
        var order = await kit.JoinAndPayAsync(shopper, id, 1);
        await EventuallyJoinedAsync(shopper, id, 1);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await kit.CutoffAsync(id);
        await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["presale"]!["confirmedAt"] is not null, "the order is confirmed");

        await Refusals.ShouldBeRefusedAsync(await StopAsync(kit.Staff, id), HttpStatusCode.UnprocessableEntity, "presaleId");
        await Refusals.ShouldBeRefusedAsync(await StopAsync(app.Client(TestTokens.Operator()), id, ops: true), HttpStatusCode.UnprocessableEntity, "presaleId");

        (await ChainAsync(shopper, id))["presale"]!["status"]!.GetValue<string>().ShouldBe("confirmed");
        var after = await OrderAsync(shopper, order);
        (after["status"]!.GetValue<string>(), after["cancelledAt"], after["refundedAt"]).ShouldBe(("AwaitingPresale", null, null));
    }

    /// <summary>
    /// A stop at the same moment as the payment (alternately as Growth counts it), as a paid customer's leave, or as
    /// the cut-off, several times: the order always ends cancelled and refunded once, or (cut-off first) the chain is
    /// confirmed, the stop refused and the order still held, paid.
    /// </summary>
    [Fact]
    public async Task a_stop_racing_a_payment_a_leave_or_the_cut_off_leaves_no_order_held_in_a_stopped_chain()
    {
        for (var round = 0; round < 6; round++)
        {
            var id = IdOf(await kit.CreateAsync(minimum: 1));
            var shopper = await kit.NewShopperAsync();
            var order = await PlacedAsync(JoinAsync(shopper, id, 1));
            Task<HttpResponseMessage> stopping;
            Task<HttpResponseMessage>? leaving = null;
            Task<bool>? paying = null;
            if (round < 2)
            {
                paying = TryPayAsync(shopper, order);
                if (round == 1)
                {
                    // No pause between looks: the stop should land while Growth is counting the payment.
                    var until = DateTime.UtcNow.AddSeconds(45);
                    while (await StatusAsync(shopper, order) == "AwaitingPayment" && DateTime.UtcNow < until)
                    {
                    }
                }

                stopping = StopAsync(kit.Staff, id);
                await Task.WhenAll(paying, stopping);
            }
            else if (round < 4)
            {
                await kit.PayAsync(shopper, order);
                await EventuallyJoinedAsync(shopper, id, 1);
                leaving = LeaveAsync(shopper, id);
                stopping = StopAsync(kit.Staff, id);
                await Task.WhenAll(leaving, stopping);
            }
            else
            {
                await kit.PayAsync(shopper, order);
                await EventuallyJoinedAsync(shopper, id, 1);
                app.Clock.Advance(TimeSpan.FromMinutes(61));
                stopping = StopAsync(kit.Staff, id);
                await Task.WhenAll(CutoffUntilDoneAsync(id), stopping);
            }

            var stop = await stopping;
            stop.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity);
            var status = (await ChainAsync(shopper, id))["presale"]!["status"]!.GetValue<string>();
            if (stop.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                round.ShouldBeGreaterThanOrEqualTo(4, "only the cut-off decides a chain before a stop");
                status.ShouldBe("confirmed");
                await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["presale"]!["confirmedAt"] is not null, "the order is confirmed");
                var held = await OrderAsync(shopper, order);
                (held["status"]!.GetValue<string>(), held["cancelledAt"], held["refundedAt"]).ShouldBe(("AwaitingPresale", null, null));
                continue;
            }

            status.ShouldBe("stopped");
            await EventuallyStatusAsync(shopper, order, "Cancelled");
            if (round < 2 && !await paying!)
            {
                (await OrderAsync(shopper, order))["refundDue"]!.GetValue<bool>().ShouldBeFalse(); // the stop came before the payment could start
                continue;
            }

            await PaymentProbe.EventuallyAsync(async () => (await OrderAsync(shopper, order))["refundedAt"] is not null, "the order is refunded", seconds: 45);
            var left = leaving is not null && (await leaving).StatusCode == HttpStatusCode.NoContent;
            (await OrderAsync(shopper, order))["cancelReason"]!.GetValue<string>().ShouldBe(left ? "退出接龙" : StoppedReason);
            (await PaymentOfAsync(OrderingKit.IdOf(order))).ShouldBe((PaymentStatus.Refunded, 1));
        }
    }

    /// <summary>Pays as the customer would; false when the stop had already cancelled the order before paying began.</summary>
    private async Task<bool> TryPayAsync(Shopper shopper, JsonNode order)
    {
        var started = await shopper.Client.PostAsJsonAsync($"/api/orders/{OrderingKit.IdOf(order)}/payments", new { channel = "wechat" });
        if (!started.IsSuccessStatusCode)
        {
            return false;
        }

        var payUrl = (await OrderingKit.JsonOf(started))["payUrl"]!.GetValue<string>();
        (await app.Client().PostAsync(payUrl, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return true;
    }

    private static Task<HttpResponseMessage> StopAsync(HttpClient staff, Guid presaleId, bool ops = false) =>
        staff.PostAsync(ops ? $"/api/ops/growth/presales/{presaleId}/stop" : $"/api/merchant/presales/{presaleId}/stop", null);

    /// <summary>The cut-off as the scheduler delivers it: a run that lost to a concurrent change runs again.</summary>
    private async Task CutoffUntilDoneAsync(Guid presaleId)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await app.Services.GetRequiredService<IMessageBus>().InvokeAsync(new PresaleCutoffReached(presaleId));
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>The order's payment and how many refunds it had (a payment that lands after the stop is refunded too).</summary>
    private async Task<(PaymentStatus Status, int Refunds)> PaymentOfAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDb>();
        var intent = await db.Intents.AsNoTracking().Where(p => p.OrderId == orderId && p.Status != PaymentStatus.Closed).SingleAsync();
        return (intent.Status, await db.Refunds.CountAsync(r => r.PaymentId == intent.Id));
    }
}
