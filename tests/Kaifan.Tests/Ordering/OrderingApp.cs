using Kaifan.Contracts.Queries;
using Kaifan.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// A Kaifan host whose clock starts at the next 12:00 in Shanghai: lunch, inside the demo shops' hours.
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

/// <summary>A lunchtime host whose menu is a <see cref="FakeCatalog"/> the tests edit directly.</summary>
public abstract class OrderingApp(Provider provider) : LunchtimeApp(provider)
{
    public FakeCatalog Catalog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ICatalogQueries>();
            services.RemoveAll<IStockReservations>();
            services.AddSingleton<ICatalogQueries>(Catalog);
            services.AddSingleton<IStockReservations>(Catalog);
        });
    }
}

public sealed class OrderingSqliteApp() : OrderingApp(Provider.Sqlite);

public sealed class OrderingPostgresApp() : OrderingApp(Provider.Postgres);

/// <summary>Pays-or-cancels in two seconds, to watch the durable deadline fire on its own.</summary>
public abstract class ShortPaymentTimeoutApp(Provider provider) : OrderingApp(provider)
{
    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["Kaifan:Ordering:PaymentTimeout"] = "00:00:02";
}

public sealed class ShortPaymentTimeoutSqliteApp() : ShortPaymentTimeoutApp(Provider.Sqlite);

public sealed class ShortPaymentTimeoutPostgresApp() : ShortPaymentTimeoutApp(Provider.Postgres);
