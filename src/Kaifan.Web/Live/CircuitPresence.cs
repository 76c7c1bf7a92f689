using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kaifan.Web.Live;

/// <summary>
/// Whether this circuit's browser is still there. Blazor keeps a circuit whose tab closed, crashed or reloaded for
/// minutes in case it comes back, timers and all; what speaks for the person in the world from a timer (the rider
/// app's position pings) asks this first, so it stops the moment the connection goes and resumes only if that same
/// tab reconnects.
/// </summary>
internal sealed class CircuitPresence : CircuitHandler
{
    public bool Connected { get; private set; } = true;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connected = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connected = false;
        return Task.CompletedTask;
    }
}
