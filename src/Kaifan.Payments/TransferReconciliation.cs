using Kaifan.BuildingBlocks.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kaifan.Payments;

/// <summary>
/// Kaifan:Payments:Reconciliation — TickMinutes (1): how often pending transfers are looked at; QueryAfterMinutes (5):
/// how long after its submission a transfer waits for its callback before the gateway is asked; UnknownFailsAfterMinutes
/// (60): how long after its last submission a transfer the gateway has never heard of fails, well past that submission's
/// last retry (about 13 minutes).
/// </summary>
internal sealed record ReconciliationSettings(TimeSpan Tick, TimeSpan QueryAfter, TimeSpan UnknownFailsAfter)
{
    public static ReconciliationSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kaifan:Payments:Reconciliation");
        return new(
            TimeSpan.FromMinutes(section.GetValue<double?>("TickMinutes") ?? 1),
            TimeSpan.FromMinutes(section.GetValue<double?>("QueryAfterMinutes") ?? 5),
            TimeSpan.FromMinutes(section.GetValue<double?>("UnknownFailsAfterMinutes") ?? 60));
    }
}

/// <summary>
/// Every tick: asks the gateway about each transfer still pending <see cref="ReconciliationSettings.QueryAfter"/> after its submission,
/// so a callback the gateway lost, or sent while this host was down for all its retries, never leaves a 提现 处理中 for
/// ever. Everything it needs is in the database, so a restart loses nothing; several hosts asking at once settle a
/// transfer once.
/// </summary>
internal sealed class TransferReconciliation(
    IServiceScopeFactory scopes, TransferReconciler reconciler, ReconciliationSettings settings, TimeProvider clock, ILogger<TransferReconciliation> log)
    : PeriodicJob(settings.Tick, clock, log, "Transfer reconciliation failed; what is pending is asked about again at the next tick")
{
    private const int PerTick = 200;

    public override async Task TickAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // A transfer never submitted has nothing at the gateway to ask about; its submission is still to come.
            var submittedBefore = Clock.GetUtcNow() - settings.QueryAfter;
            due = await scope.ServiceProvider.GetRequiredService<PaymentsDb>().RiderTransfers.AsNoTracking()
                .Where(t => t.Status == TransferStatus.Pending && t.SubmittedAt <= submittedBefore)
                .OrderBy(t => t.SubmittedAt)
                .Select(t => t.Id)
                .Take(PerTick)
                .ToListAsync(ct);
        }

        foreach (var id in due)
        {
            try
            {
                await reconciler.ReconcileAsync(id, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Log.LogWarning(e, "Transfer {TransferId} could not be reconciled; it is asked about again at the next tick", id);
            }
        }
    }
}
