using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Growth.PhotoCashback;

/// <summary>The noodle shop (merchant 1) runs 晒图返现 on the demo campus: ¥3 back for a photo and 15 characters, orders from ¥20, 200 rewards, a year.</summary>
internal sealed class DemoPhotoCashback : IDemoSeeder
{
    public static readonly Guid Id = DemoCampus.Id("photo-cashback:noodles");

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        if (await db.PhotoCashbackCampaigns.AnyAsync(c => c.Id == Id, ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.PhotoCashbackCampaigns.Add(new PhotoCashbackCampaign
        {
            Id = Id, MerchantId = DemoCampus.MerchantId(1), AmountFen = 300, MinOrderFen = 2000, MinTextLength = 15, Budget = 200,
            StartsAt = now.AddDays(-1), EndsAt = now.AddYears(1), OfferedBy = "merchant", CreatedAt = now,
        });
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
