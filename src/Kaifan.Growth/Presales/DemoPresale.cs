using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Growth.Presales;

/// <summary>
/// The demo noodle shop (merchant 1) runs one 预售接龙 from the first start: tomorrow's 12:00 lunch of its 凉拌牛肉
/// at ¥12, 50 portions, 3 each, going ahead from 5, cut-off tomorrow 10:00 (Shanghai).
/// </summary>
internal sealed class DemoPresale : IDemoSeeder
{
    public static readonly Guid Id = DemoCampus.Id("presale:noodle-lunch");

    public int Order => 52;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<GrowthDb>>();
        if (await outbox.DbContext.Presales.AnyAsync(p => p.Id == Id, ct))
        {
            return;
        }

        var merchantId = DemoCampus.MerchantId(1);
        var merchant = await scope.ServiceProvider.GetRequiredService<ICatalogQueries>().GetMerchantForOrderingAsync(merchantId, ct);
        var dish = merchant?.Items.Where(i => i.OptionGroups.All(g => !g.Required)).OrderBy(i => i.Name == "凉拌牛肉" ? 0 : 1).FirstOrDefault();
        if (merchant is null || dish is null)
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tomorrow = now.ToOffset(ChinaTime.Offset).Date.AddDays(1);
        var deliverAt = new DateTimeOffset(tomorrow.AddHours(12), ChinaTime.Offset).ToUniversalTime();
        var presale = new Presale
        {
            Id = Id, MerchantId = merchantId, MerchantName = merchant.Name, ItemId = dish.Id, ItemName = dish.Name, ListPriceFen = dish.PriceFen,
            PriceFen = Math.Max(1, dish.PriceFen * 4 / 5), Stock = 50, PerCustomerLimit = 3, MinimumQuantity = 5,
            CutoffAt = new DateTimeOffset(tomorrow.AddHours(10), ChinaTime.Offset).ToUniversalTime(), DeliverAt = deliverAt, SlotMinutes = 30,
            PrepMinutes = PresaleRules.DefaultPrepMinutes, ReleaseAt = deliverAt.AddMinutes(-PresaleRules.DefaultPrepMinutes),
            Note = "明天午餐提前订，12:00准时送到宿舍楼下", CreatedAt = now,
        };
        outbox.DbContext.Presales.Add(presale);
        await outbox.ScheduleAsync(new PresaleCutoffReached(Id), presale.CutoffAt - now);
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another host seeded it first.
        }
    }
}
