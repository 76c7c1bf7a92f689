using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Insights.Experiments;

/// <summary>The demo station runs one experiment from the first start: 猜你喜欢 above (control) or below the shop list, half and half.</summary>
internal sealed class DemoExperiments : IDemoSeeder
{
    public const string HomeRecommendationsPosition = "home.recommendations.position";

    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDb>();
        if (await db.Experiments.AnyAsync(e => e.Key == HomeRecommendationsPosition, ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var experiment = CreateExperiment.New(HomeRecommendationsPosition, "猜你喜欢的位置", "home.recommendations", [("top", 50), ("bottom", 50)], now);
        experiment.StartedAt = now;
        db.Experiments.Add(experiment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded it first.
        }
    }
}
