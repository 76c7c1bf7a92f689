using System.Globalization;
using Kaifan.Web.Api;
using Kaifan.Web.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.JSInterop;

namespace Kaifan.Web.Components.Rider.Parts;

/// <summary>The rider app's going on and off line, until when (下班时间), where the rider is, its live line, and its error handling.</summary>
public partial class RiderApp
{
    private OpsFeed? feed;

    /// <summary>The open 我的装备 sheet's starting values; null while it is closed.</summary>
    private RiderGear? gear;

    /// <summary>
    /// How often the app re-reads its offers and tasks: with the live line up the notices bring the changes dispatch
    /// and operators make and the poll only covers a lost one, so it is slow (Kaifan:Web:RiderLivePollSeconds, 10);
    /// without the line the poll is all there is.
    /// </summary>
    private int RefreshSeconds => feed?.Connected == true ? Math.Max(2, Configuration.GetValue("Kaifan:Web:RiderLivePollSeconds", 10)) : 2;

    private static readonly TimeSpan ShiftEndStep = TimeSpan.FromMinutes(30);

    /// <summary>
    /// 下班时间 choices: the whole and half hours from one to ten hours ahead. Rounding in UTC gives Shanghai's half
    /// hours too, since UTC+8 is a whole-hour offset.
    /// </summary>
    private static IReadOnlyList<DateTimeOffset> ShiftEndChoices(DateTimeOffset now)
    {
        var earliest = now.UtcTicks + TimeSpan.FromHours(1).Ticks;
        var first = (earliest + ShiftEndStep.Ticks - 1) / ShiftEndStep.Ticks * ShiftEndStep.Ticks;
        var latest = now.UtcTicks + TimeSpan.FromHours(10).Ticks;
        var choices = new List<DateTimeOffset>();
        for (var ticks = first; ticks <= latest; ticks += ShiftEndStep.Ticks)
        {
            choices.Add(new DateTimeOffset(ticks, TimeSpan.Zero));
        }

        return choices;
    }

    /// <summary>
    /// A choice the clock passed while the select was open stays listed and selected, so 上线 sends it and the API's
    /// problem says why, rather than the rider going online with no shift end without noticing.
    /// </summary>
    private IEnumerable<DateTimeOffset> ShiftEndOptions
    {
        get
        {
            var choices = ShiftEndChoices(Clock.GetUtcNow());
            return chosenShiftEnd is { } chosen && !choices.Contains(chosen) ? choices.Prepend(chosen) : choices;
        }
    }

    private string ShiftEndChoice
    {
        get => chosenShiftEnd is { } chosen ? ChoiceValue(chosen) : "";
        set => chosenShiftEnd = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ? end : null;
    }

    private static string ChoiceValue(DateTimeOffset end) => end.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Whether the rider agreed to share their position (null: not known yet); 上线 asks first without it.</summary>
    private bool? locationConsent;

    /// <summary>
    /// The live app renders before it has read the rider's state; until then 上线 waits (it would ask for a consent already
    /// given) and data-live says false, as 离线 may yet turn out to be 在线.
    /// </summary>
    private bool loaded;

    private bool askingConsent;

    private async Task GoOnlineAsync()
    {
        if (locationConsent is null)
        {
            await RunAsync(LoadConsentAsync);
        }

        if (locationConsent != true)
        {
            askingConsent = true;
            return;
        }

        locating = true;
        Problem = null;
        var here = await LocateAsync();
        locating = false;
        if (here is null)
        {
            manual = true;
            return;
        }

        usingGeolocation = true;
        await OnlineAtAsync(here.Latitude, here.Longitude);
    }

    private async Task LoadConsentAsync()
    {
        var consents = await Api.MyConsentsAsync(stop.Token);
        locationConsent = consents.Ok ? consents.Value!.Has(Kaifan.Contracts.ConsentPurposes.Location) : null;
    }

    private async Task AgreeAndGoOnlineAsync()
    {
        await RunAsync(async () =>
        {
            var granted = await Api.SetConsentAsync(Kaifan.Contracts.ConsentPurposes.Location, true, stop.Token);
            Problem = granted.Ok ? null : granted.Problem;
            locationConsent = granted.Ok ? true : locationConsent;
        });

        if (locationConsent == true)
        {
            askingConsent = false;
            await GoOnlineAsync();
        }
    }

    /// <summary>Offered only while offline: no position is being shared then, so withdrawing stops nothing half-way.</summary>
    private async Task WithdrawLocationAsync() => await RunAsync(async () =>
    {
        var withdrawn = await Api.SetConsentAsync(Kaifan.Contracts.ConsentPurposes.Location, false, stop.Token);
        Problem = withdrawn.Ok ? null : withdrawn.Problem;
        if (withdrawn.Ok)
        {
            locationConsent = false;
        }
    });

    private Task GoOnlineManuallyAsync()
    {
        // An emptied field is refused here, in the field's own words, before anything is sent.
        if (manualLat is not { } latitude || manualLon is not { } longitude)
        {
            Problem = manualLat is null ? L["Rider.LatitudeRequired"] : L["Rider.LongitudeRequired"];
            return Task.CompletedTask;
        }

        usingGeolocation = false;
        return OnlineAtAsync(latitude, longitude);
    }

    private async Task OnlineAtAsync(double latitude, double longitude) => await RunAsync(async () =>
    {
        var result = await Api.GoOnlineAsync(zoneId, latitude, longitude, chosenShiftEnd, stop.Token);
        Problem = result.Ok ? null : result.Problem;
        if (result.Status == 409)
        {
            // Withdrawn elsewhere (another device, the API) since the app loaded: ask again rather than only refuse.
            (locationConsent, askingConsent, Problem) = (false, true, null);
            return;
        }

        if (result.Ok)
        {
            // The choice is spent: the next time offline the select starts again at 不设.
            (online, manual, lat, lon, shiftEndsAt, chosenShiftEnd) = (true, false, latitude, longitude, result.Value!.ShiftEndsAt, null);
            await RefreshAsync();
        }
    });

    private async Task GoOfflineAsync() => await RunAsync(async () =>
    {
        var result = await Api.GoOfflineAsync(stop.Token);
        Problem = result.Ok ? null : result.Problem;
        if (result.Ok)
        {
            (online, shiftEndsAt) = (false, null);
            offers = [];
            tasks = [];
        }
    });

    /// <summary>
    /// The live line (/hubs/ops, a rider hears only their own notices): an operator's reassignment takes the card
    /// away at once and says why; a new offer shows and a withdrawn one goes at once. Without the line the polls do all
    /// of it, more slowly and silently.
    /// </summary>
    private async Task ListenAsync()
    {
        try
        {
            // The hub sends a rider no order steps, only its own notices and, after a reconnect, the resync.
            feed = new OpsFeed(Api.Http.BaseAddress!, Token, step => step == OpsFeed.Resync ? InvokeAsync(RefreshIfOnlineAsync) : Task.CompletedTask);
            feed.OnRiderNotices(n => InvokeAsync(() => ReassignedAwayAsync(n.OrderId)), () => InvokeAsync(RefreshIfOnlineAsync));
            feed.OnUrge(orderId => InvokeAsync(() => UrgedAsync(orderId)));
            feed.OnDeliveryException(heard => InvokeAsync(() => ExceptionHeardAsync(heard)));
            await feed.StartAsync(stop.Token);
            StateHasChanged();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // No live line: the polls keep the app current, more slowly.
        }
    }

    /// <summary>Only the rider who held the order hears this, so it says so even when a poll took the card first.</summary>
    private async Task ReassignedAwayAsync(Guid orderId)
    {
        offers = offers.Where(o => o.Orders.All(j => j.OrderId != orderId)).ToList();
        tasks = tasks.Where(t => t.OrderId != orderId).ToList();
        notice = L["Rider.Reassigned"];
        await RefreshIfOnlineAsync();
    }

    private async Task RefreshIfOnlineAsync()
    {
        if (online)
        {
            await RefreshAsync();
        }

        StateHasChanged();
    }

    /// <summary>Read afresh on opening: an operator may have corrected the profile since the app loaded.</summary>
    private async Task OpenGearAsync() => await RunAsync(async () =>
    {
        var profile = await Api.RiderProfileAsync(stop.Token);
        Problem = profile.Ok ? null : profile.Problem;
        if (profile.Ok)
        {
            var p = profile.Value!;
            gear = new RiderGear(p.VehicleType, p.BatteryRangeKm, p.Capacity, p.AcceptsStairs);
        }
    });

    private async Task<ApiResult<RiderProfileInfo>> SaveGearAsync(RiderGear changed)
    {
        ApiResult<RiderProfileInfo>? result = null;
        await RunAsync(async () => result = await Api.SetRiderProfileAsync(changed, stop.Token));
        return result ?? new ApiResult<RiderProfileInfo>(0, null, Problem);
    }

    private void GearSaved(RiderProfileInfo saved)
    {
        gear = null;
        notice = L["Gear.Saved"];
    }

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

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        timer?.Dispose();
        if (feed is not null)
        {
            await feed.DisposeAsync();
        }

        stop.Dispose();
    }
}
