using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Growth.SecretCodes;

/// <summary>The demo campus runs one 口令红包, 「开饭啦」: ¥5 无门槛, 1,000 claims, for a year from the first start.</summary>
internal sealed class DemoSecretCodes : IDemoSeeder
{
    public const string Code = "开饭啦";

    public static readonly Guid Id = DemoCampus.Id("secret-code:kaifanla");

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        if (await db.SecretCodes.AnyAsync(c => c.Id == Id, ct))
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.SecretCodes.Add(new SecretCode
        {
            Id = Id, Code = Code, Key = SecretCode.KeyOf(Code), AmountFen = 500, MinSpendFen = 0, Budget = 1000,
            StartsAt = now.AddDays(-1), EndsAt = now.AddYears(1), CouponDays = 7, CreatedAt = now,
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
