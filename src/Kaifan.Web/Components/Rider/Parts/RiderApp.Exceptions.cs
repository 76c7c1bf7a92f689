using Kaifan.Web.Live;

namespace Kaifan.Web.Components.Rider.Parts;

/// <summary>
/// 配送异常: the rider reports from the task card; when an operator (or the customer's 我在，马上到) resolves it the hub
/// says so, the app re-reads the order and says how it ended — the card may go (back to dispatch, cancelled, delivered).
/// </summary>
public partial class RiderApp
{
    private async Task<bool> ReportExceptionAsync(Guid orderId, string kind, string? note)
    {
        var taken = false;
        if (!stepping.Add(orderId))
        {
            return false;
        }

        try
        {
            await RunAsync(async () =>
            {
                var result = await Api.ReportExceptionAsync(orderId, kind, note, stop.Token);
                Problem = result.Ok ? null : result.Problem;
                if (result.Ok)
                {
                    orders[orderId] = result.Value!;
                    taken = true;
                }
            });
        }
        finally
        {
            stepping.Remove(orderId);
        }

        return taken;
    }

    private async Task ExceptionHeardAsync(DeliveryExceptionHeard heard) => await RunAsync(async () =>
    {
        if (heard.State != "resolved")
        {
            return;
        }

        var order = await Api.RiderOrderAsync(heard.OrderId, stop.Token);
        if (order.Ok)
        {
            orders[heard.OrderId] = order.Value!;
        }

        var number = order.Value?.Number is { Length: >= 4 } n ? "#" + n[^4..] + " " : "";
        var backToDispatch = order.Value?.DeliveryException?.BackToDispatch == true;
        notice = number + (heard.Resolution == "redeliver"
            ? L[backToDispatch ? "Exception.Outcome.BackToDispatch" : "Exception.Outcome.TryAgain"]
            : L["Exception.Outcome." + heard.Resolution]);
        await RefreshIfOnlineAsync();
    });
}
