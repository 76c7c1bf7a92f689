namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// The whole Kaifan host (real Catalog, seeded demo campus) with its clock at the next 12:00 in Shanghai:
/// lunch, inside the daytime shops' hours and outside the night-only barbecue's (shop 8, 17:00–02:00).
/// The fake clock only moves forward, so it starts in the future rather than today.
/// </summary>
public abstract class LunchtimeApp : KaifanApp
{
    protected LunchtimeApp(Provider provider)
        : base(provider) => Clock.SetUtcNow(NextShanghaiNoon(Clock.GetUtcNow()));

    public static DateTimeOffset NextShanghaiNoon(DateTimeOffset now)
    {
        var shanghai = now.ToOffset(TimeSpan.FromHours(8));
        var noon = new DateTimeOffset(shanghai.Date.AddHours(12), TimeSpan.FromHours(8));
        return (noon > now ? noon : noon.AddDays(1)).ToUniversalTime();
    }
}

public sealed class LunchtimeSqliteApp() : LunchtimeApp(Provider.Sqlite);

public sealed class LunchtimePostgresApp() : LunchtimeApp(Provider.Postgres);

/// <summary>Pays-or-cancels in two seconds, to watch the durable deadline fire on its own.</summary>
public abstract class ShortPaymentTimeoutApp(Provider provider) : LunchtimeApp(provider)
{
    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Ordering:PaymentTimeout"] = "00:00:02";
}

public sealed class ShortPaymentTimeoutSqliteApp() : ShortPaymentTimeoutApp(Provider.Sqlite);

public sealed class ShortPaymentTimeoutPostgresApp() : ShortPaymentTimeoutApp(Provider.Postgres);

/// <summary>
/// The rider app polls only every 10 minutes while its live line is up, so what the app shows sooner came over the line.
/// </summary>
public sealed class SlowRiderPollApp() : LunchtimeApp(Provider.Sqlite)
{
    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Web:RiderLivePollSeconds"] = "600";
}

/// <summary>
/// Buffered rider pings reach the rider grains every 20 ms rather than 150: the dispatch tests move the clock, have
/// every rider report and wait until dispatch has the reports, hundreds of times a class.
/// </summary>
public abstract class QuickPingApp(Provider provider) : LunchtimeApp(provider)
{
    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Dispatch:PingFlushMilliseconds"] = "20";
}

public sealed class QuickPingSqliteApp() : QuickPingApp(Provider.Sqlite);

public sealed class QuickPingPostgresApp() : QuickPingApp(Provider.Postgres);
