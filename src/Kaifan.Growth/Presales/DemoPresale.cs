using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Kaifan.Growth.Presales;

/// <summary>
/// The demo noodle shop (merchant 1) runs one 预售接龙 from the first start: tomorrow's 12:00 lunch of its 凉拌牛肉
/// at ¥12, 50 portions, 3 each, going ahead from 5, cut-off tomorrow 10:00 (Shanghai). Seeding runs before the message
/// bus starts, so its cut-off is scheduled by <see cref="DemoPresaleCutoff"/> once the host has started.
/// </summary>
internal sealed class DemoPresale : IDemoSeeder
{
    public static readonly Guid Id = DemoCampus.Id("presale:noodle-lunch");

    public int Order => 52;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrowthDb>();
        if (await db.Presales.AnyAsync(p => p.Id == Id, ct))
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
            Id = Id, MerchantId = merchantId, MerchantName = merchant.Name, ZoneId = merchant.ZoneId, ItemId = dish.Id, ItemName = dish.Name, ListPriceFen = dish.PriceFen,
            PriceFen = Math.Max(1, dish.PriceFen * 4 / 5), Stock = 50, PerCustomerLimit = 3, MinimumQuantity = 5,
            CutoffAt = new DateTimeOffset(tomorrow.AddHours(10), ChinaTime.Offset).ToUniversalTime(), DeliverAt = deliverAt, SlotMinutes = 30,
            PrepMinutes = PresaleRules.DefaultPrepMinutes, ReleaseAt = deliverAt.AddMinutes(-PresaleRules.DefaultPrepMinutes),
            Note = "明天午餐提前订，12:00准时送到宿舍楼下", CreatedAt = now,
        };
        db.Presales.Add(presale);
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

/// <summary>
/// Schedules the demo chain's cut-off once the host (and with it the message bus) has started, while the chain is still
/// open. A restart schedules it again; the cut-off handler decides a chain once, so the copies change nothing.
/// </summary>
internal sealed class DemoPresaleCutoff(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoPresaleCutoff> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ScheduleAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ScheduleAsync()
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var presale = await scope.ServiceProvider.GetRequiredService<GrowthDb>().Presales.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == DemoPresale.Id && p.Status == PresaleStatus.Open);
            if (presale is not null)
            {
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                    .ScheduleAsync(new PresaleCutoffReached(presale.Id), presale.CutoffAt > now ? presale.CutoffAt - now : TimeSpan.Zero);
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The demo pre-sale's cut-off could not be scheduled");
        }
    }
}
