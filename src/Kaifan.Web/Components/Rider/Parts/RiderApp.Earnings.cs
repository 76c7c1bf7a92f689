using Kaifan.Web.Api;

namespace Kaifan.Web.Components.Rider.Parts;

/// <summary>今日收入 and the 收入 sheet: what the ledger says the rider earned, never an estimate made here.</summary>
public partial class RiderApp
{
    private RiderEarningsInfo? earnings;
    private bool showingEarnings;

    private async Task LoadEarningsAsync()
    {
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
