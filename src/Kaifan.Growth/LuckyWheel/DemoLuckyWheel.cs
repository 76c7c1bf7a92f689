using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Growth.LuckyWheel;

/// <summary>
/// The demo campus runs one wheel, 「开饭大转盘」, for a year from the first start: one free spin a day, up to three more
/// from sharing; six segments, coupons between two 谢谢参与.
/// </summary>
internal sealed class DemoLuckyWheel : IDemoSeeder
{
    public const string Name = "开饭大转盘";

    public static readonly Guid Id = DemoCampus.Id("lucky-wheel:kaifan");

    private static readonly (long AmountFen, long MinSpendFen, int Weight, int? Stock)[] Prizes =
    [
        (300, 0, 20, 2000), (0, 0, 30, null), (500, 2000, 15, 1000), (1000, 4000, 3, 100), (0, 0, 30, null), (200, 0, 25, 3000),
    ];

    public int Order => 51;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        if (await db.Wheels.AnyAsync(w => w.Id == Id, ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Wheels.Add(new Wheel
        {
            Id = Id, Name = Name, StartsAt = now.AddDays(-1), EndsAt = now.AddYears(1), FreeSpinsPerDay = 1, MaxShareSpinsPerDay = 3, CreatedAt = now,
            Prizes = Prizes.Select((p, i) => new WheelPrize
            {
                Id = DemoCampus.Id($"lucky-wheel:kaifan:{i}"), WheelId = Id, Segment = i, AmountFen = p.AmountFen, MinSpendFen = p.MinSpendFen,
                CouponDays = p.AmountFen > 0 ? 7 : 0, Weight = p.Weight, Stock = p.Stock,
            }).ToList(),
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
