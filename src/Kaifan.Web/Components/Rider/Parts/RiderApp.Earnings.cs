using Kaifan.Web.Api;

namespace Kaifan.Web.Components.Rider.Parts;

/// <summary>今日收入 and the 收入 sheet: what the ledger says the rider earned, never an estimate made here.</summary>
public partial class RiderApp
{
    /// <summary>Reads of the ledger while it lags the app's deliveries, before waiting for the next delivery.</summary>
    private const int CatchUpReads = 10;

    private RiderEarningsInfo? earnings;
    private bool showingEarnings;
    private (int Done, int Reads) earningsReads;

    /// <summary>
    /// The ledger records a delivery a moment after it happens, so 今日收入 is read again until it has every order done
    /// today — a few times only: an order the ledger never pays (no dispatch job) must not cost a read on every poll.
    /// </summary>
    private bool EarningsBehind()
    {
        if (earningsReads.Done != done.Count)
        {
            earningsReads = (done.Count, 0);
        }

        return earnings is null || (earnings.TodayOrders < done.Count && earningsReads.Reads < CatchUpReads);
    }

    private async Task LoadEarningsAsync()
    {
        earningsReads.Reads++;
        var read = await Api.RiderEarningsAsync(7, stop.Token);
        if (read.Ok)
        {
            earnings = read.Value;
        }
    }

    /// <summary>Read afresh on opening, so the sheet lists an order delivered since the last poll.</summary>
    private async Task OpenEarningsAsync() => await RunAsync(async () =>
    {
        await LoadEarningsAsync();
        showingEarnings = earnings is not null;
    });
}
