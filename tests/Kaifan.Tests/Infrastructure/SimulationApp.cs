using Kaifan.BuildingBlocks.Time;
using Kaifan.Identity.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// The host as the day simulator needs it (ADR 0010): its clock runs <see cref="Speed"/>× from the next Shanghai noon,
/// and sign-in codes go to the SMS sandbox so the simulator signs people in over HTTP like anyone else.
/// </summary>
public abstract class SimulationApp(Provider provider) : KaifanApp(provider)
{
    public const double Speed = 90;

    protected override void Configure(IDictionary<string, string?> configuration)
    {
        configuration["Kaifan:Clock:Speed"] = Speed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration["Kaifan:Sms:Provider"] = "Sandbox";

        // An offer left to expire is a refusal for good, and a test machine under load can take seconds to answer one
        // HTTP call: ten simulated minutes are 6.7 real seconds here, so no order is stranded by a slow machine.
        configuration["Kaifan:Dispatch:OfferSeconds"] = "600";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new AcceleratedTimeProvider(LunchtimeApp.NextShanghaiNoon(DateTimeOffset.UtcNow), Speed));
        services.Replace(ServiceDescriptor.Singleton<ISmsSender>(sp => sp.GetRequiredService<SandboxSmsSender>()));
    }
}

public sealed class SimulationSqliteApp() : SimulationApp(Provider.Sqlite);

public sealed class SimulationPostgresApp() : SimulationApp(Provider.Postgres);
