using Kaifan.Web.Api;

namespace Kaifan.Web.Components;

/// <summary>
/// The timed reread of a live panel: for a panel with a hub it covers a dropped line, for one without it is how the
/// panel keeps up at all.
/// </summary>
public static class PanelPoll
{
    /// <summary>
    /// Runs <paramref name="tick"/> every <paramref name="interval"/> until <paramref name="stop"/> is cancelled. A read
    /// that fails on the network or on an ended sign-in waits for the next tick; the console's next action shows it.
    /// </summary>
    public static async Task EveryAsync(TimeSpan interval, Func<Task> tick, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await tick();
                }
                catch (Exception e) when (e is HttpRequestException or SignInRequiredException)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
