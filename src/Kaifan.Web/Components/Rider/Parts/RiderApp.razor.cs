using Kaifan.Web.Api;
using Microsoft.JSInterop;

namespace Kaifan.Web.Components.Rider.Parts;

/// <summary>The rider app's going on and off line, where the rider is, and its error handling.</summary>
public partial class RiderApp
{
    private async Task GoOnlineAsync()
    {
        busy = true;
        error = null;
        var here = await LocateAsync();
        busy = false;
        if (here is null)
        {
            manual = true;
            return;
        }

        usingGeolocation = true;
        await OnlineAtAsync(here.Latitude, here.Longitude);
    }

    private Task GoOnlineManuallyAsync()
    {
        usingGeolocation = false;
        return OnlineAtAsync(manualLat, manualLon);
    }

    private async Task OnlineAtAsync(double latitude, double longitude) => await RunAsync(async () =>
    {
        var result = await Api.GoOnlineAsync(zoneId, latitude, longitude, stop.Token);
        error = result.Ok ? null : result.Problem;
        if (result.Ok)
        {
            (online, manual, lat, lon) = (true, false, latitude, longitude);
            await RefreshAsync();
        }
    });

    private async Task GoOfflineAsync() => await RunAsync(async () =>
    {
        var result = await Api.GoOfflineAsync(stop.Token);
        error = result.Ok ? null : result.Problem;
        if (result.Ok)
        {
            online = false;
            offers = [];
            tasks = [];
        }
    });

    private async Task<GeoPlace?> LocateAsync()
    {
        try
        {
            return await JS.InvokeAsync<GeoPlace?>("kaifanRider.locate", stop.Token);
        }
        catch (JSException)
        {
            return null;
        }
    }

    private async Task PingAsync() => await RunAsync(async () =>
    {
        if (usingGeolocation && await LocateAsync() is { } here)
        {
            (lat, lon) = (here.Latitude, here.Longitude);
        }

        await Api.PostLocationAsync(lat, lon, stop.Token);
    });

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (SignInRequiredException)
        {
            Nav.NavigateTo("/rider/login", forceLoad: true);
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        timer?.Dispose();
        stop.Dispose();
    }
}
