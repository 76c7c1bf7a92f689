using Kaifan.Contracts.Notices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Kaifan.Tracking.Live;

/// <summary>
/// Dispatch's own changes to a rider's offers (`offersChanged`, no payload: the app re-reads them): a round's new
/// offer, or one withdrawn (run out, taken back by an operator, lost to another silo's acceptance). Each send leaves
/// the zone grain's turn for the thread pool; a failure is logged and the app's poll catches up.
/// </summary>
internal sealed class RiderAppNotices(IHubContext<OpsHub> hub, ILogger<RiderAppNotices> logger) : IRiderAppNotices
{
    public void OffersChanged(Guid riderId) => _ = Task.Run(async () =>
    {
        try
        {
            await hub.Clients.Group(OpsHub.RiderGroup(riderId)).SendAsync("offersChanged");
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not tell rider {RiderId}'s app that its offers changed", riderId);
        }
    });
}
