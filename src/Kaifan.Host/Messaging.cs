using JasperFx.CodeGeneration;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Catalog;
using Kaifan.Dispatch;
using Kaifan.Growth;
using Kaifan.Identity;
using Kaifan.Insights;
using Kaifan.Ordering;
using Kaifan.Payments;
using Kaifan.Tracking;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.EntityFrameworkCore;
using Wolverine.Postgresql;
using Wolverine.Sqlite;

namespace Kaifan.Host;

/// <summary>
/// Integration events and durable timeouts go through Wolverine's transactional outbox, stored in the
/// same database as the modules' tables so that a change and its event commit together (ADR 0002).
/// </summary>
internal static class Messaging
{
    public static void AddKaifanMessaging(this WebApplicationBuilder builder, StorageSettings storage)
    {
        builder.Host.UseWolverine(opts =>
        {
            opts.ServiceName = "kaifan";
            // Handler adapters are generated ahead of time into Internal/Generated (HandlerCode, ADR 0019): no Roslyn
            // compile of each chain when its first message arrives.
            opts.ApplicationAssembly = typeof(Messaging).Assembly;
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;

            if (storage.Provider == StorageProvider.Sqlite)
            {
                opts.PersistMessagesWithSqlite(storage.ConnectionString);
            }
            else
            {
                opts.PersistMessagesWithPostgresql(storage.ConnectionString, "wolverine");
            }

            // Each module's handler of an event is its own chain: one module's failure and retry never re-runs another's.
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;

            opts.UseEntityFrameworkCoreTransactions();
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();

            opts.Discovery.IncludeAssembly(typeof(IdentityModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(CatalogModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(OrderingModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(PaymentsModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(DispatchModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(TrackingModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(InsightsModule).Assembly);
            opts.Discovery.IncludeAssembly(typeof(GrowthModule).Assembly);

            // Handlers are idempotent, so a retry after a transient failure is always safe. What is still failing after the
            // last retry goes to Wolverine's dead letters, which operators see and replay on 消息故障 (ADR 0020).
            var retries = MessageRetries.FromConfiguration(builder.Configuration);
            var policy = opts.OnAnyException().RetryWithCooldown([.. retries.Cooldowns]);
            if (retries.Scheduled.Count > 0)
            {
                policy.Then.ScheduleRetry([.. retries.Scheduled]);
            }

            // A failed attempt that will be retried is expected (two writers meeting on a row's version or key): Warning.
            // Only the move to the dead letters, which Wolverine logs at Error itself, needs someone (ADR 0020).
            opts.Policies.MessageFailureLogLevel(LogLevel.Warning);
        });
    }
}
