using Microsoft.AspNetCore.Components;

namespace Kaifan.Web.Components;

/// <summary>
/// A console panel whose numbers customers move (codes claimed, spins, groups formed, conversions) while nobody at the
/// console acts. Once live it reads its list again every <see cref="Every"/>, so the operator sees them move without a
/// reload. Promotions have no hub of their own, and one small read per panel every 15 s costs little next to a page load.
/// </summary>
public abstract class RereadingPanel : ConsolePanel, IAsyncDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource stop = new();

    /// <summary>Reads the list again, keeping the last one when the read fails; forms and their messages stay as they are.</summary>
    protected abstract Task RereadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = PanelPoll.EveryAsync(Every, () => InvokeAsync(async () =>
            {
                await RereadAsync();
                StateHasChanged();
            }), stop.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
