namespace Kaifan.Web.Components.Rider.Parts;

/// <summary>
/// 催单 while the rider carries the food: the hub says so and the app re-reads that order, whose card then shows
/// 顾客催单. The app otherwise reads an order once, so without this the mark would wait for the next task.
/// </summary>
public partial class RiderApp
{
    private async Task UrgedAsync(Guid orderId) => await RunAsync(async () =>
    {
        var order = await Api.RiderOrderAsync(orderId, stop.Token);
        if (order.Ok)
        {
            orders[orderId] = order.Value!;
            StateHasChanged();
        }
    });
}
