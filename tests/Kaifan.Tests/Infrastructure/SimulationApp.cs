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

        // A person needs a moment to tap 接单 whatever the clock's speed, and on a busy CI machine one HTTP round trip can
        // take a real second: two simulated minutes are 1.3 real seconds here. An offer left to expire is a refusal for good.
        configuration["Kaifan:Dispatch:OfferSeconds"] = "120";
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
