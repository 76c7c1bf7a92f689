using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Ordering.Coupons;

/// <summary>Every demo customer starts with a 无门槛 ¥3 and a 满¥30减¥6 coupon, so checkout has something to pick.</summary>
internal sealed class DemoCoupons : IDemoSeeder
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public int Order => 40;

    public static Guid WelcomeId(int customer) => DemoCampus.Id($"coupon:welcome:{customer}");

    public static Guid FullReductionId(int customer) => DemoCampus.Id($"coupon:30-6:{customer}");

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDb>();
        if (await db.Coupons.AnyAsync(c => c.Id == WelcomeId(1), ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var n = 1; n <= DemoCampus.CustomerCount; n++)
        {
            db.Coupons.Add(new Coupon
            {
                Id = WelcomeId(n), CustomerId = DemoCampus.CustomerId(n), AmountFen = 300, MinSpendFen = 0,
                Reason = "新人红包 (welcome)", IssuedAt = now, ExpiresAt = now + Lifetime,
            });
            db.Coupons.Add(new Coupon
            {
                Id = FullReductionId(n), CustomerId = DemoCampus.CustomerId(n), AmountFen = 600, MinSpendFen = 3000,
                Reason = "满30减6 (¥6 off ¥30)", IssuedAt = now, ExpiresAt = now + Lifetime,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded them first.
        }
    }
}
