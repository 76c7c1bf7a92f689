using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// A menu the Ordering tests control directly (prices, listing, stock, opening), standing in for Catalog
/// behind the two query interfaces; stock is taken atomically under one lock, like Catalog promises.
/// </summary>
public sealed class FakeCatalog : ICatalogQueries, IStockReservations
{
    public static readonly Guid Merchant1 = DemoCampus.MerchantId(1);
    public static readonly Guid Merchant2 = DemoCampus.MerchantId(2);
    public static readonly Guid Rice = DemoCampus.Id("test-item:rice");
    public static readonly Guid Tea = DemoCampus.Id("test-item:tea");
    public static readonly Guid Limited = DemoCampus.Id("test-item:limited");
    public static readonly Guid Noodles = DemoCampus.Id("test-item:noodles");
    public static readonly Guid Juice = DemoCampus.Id("test-item:juice");
    public static readonly Guid SpiceGroup = DemoCampus.Id("test-group:spice");
    public static readonly Guid Spicy = DemoCampus.Id("test-option:spicy");
    public static readonly Guid Mild = DemoCampus.Id("test-option:mild");
    public static readonly Guid Egg = DemoCampus.Id("test-option:egg");

    private readonly Lock gate = new();
    private readonly Dictionary<Guid, ItemQuote> items = [];
    private readonly Dictionary<Guid, Guid> merchantOf = [];
    private readonly Dictionary<Guid, int?> stock = [];
    private readonly Dictionary<Guid, IReadOnlyList<StockLine>> reservations = [];
    private readonly Dictionary<Guid, bool> open = new() { [Merchant1] = true, [Merchant2] = true };

    public FakeCatalog()
    {
        Add(Merchant1, new ItemQuote(Rice, "黄焖鸡米饭", 1800, 650, true, null,
        [
            new OptionGroupQuote(SpiceGroup, "辣度", true, 1, [new OptionQuote(Spicy, "微辣", 0, 5), new OptionQuote(Mild, "不辣", 0, 0)]),
            new OptionGroupQuote(DemoCampus.Id("test-group:extra"), "加料", false, 2, [new OptionQuote(Egg, "加蛋", 200, 80)]),
        ]));
        Add(Merchant1, new ItemQuote(Tea, "柠檬茶", 600, 120, true, null, []));
        Add(Merchant1, new ItemQuote(Limited, "限量烤鸭饭", 2500, 800, true, null, []));
        Add(Merchant1, new ItemQuote(Noodles, "牛肉面", 2200, 700, true, null, []));
        Add(Merchant1, new ItemQuote(Juice, "橙汁", 800, 150, true, null, []));
        Add(Merchant2, new ItemQuote(DemoCampus.Id("test-item:burger"), "汉堡", 2500, 900, true, null, []));
    }

    /// <summary>Right beside the demo customers' dorms, so delivery costs the zone's base fee.</summary>
    public static readonly GeoPoint ShopLocation = new(31.0262, 121.4405);

    public const long PackagingFeeFen = 100;
    public const long BaseDeliveryFeeFen = 300;

    public void SetPrice(Guid itemId, long fen) => Update(itemId, i => i with { PriceFen = fen });

    public void Unlist(Guid itemId) => Update(itemId, i => i with { IsAvailable = false });

    public void SetStock(Guid itemId, int? count)
    {
        lock (gate)
        {
            stock[itemId] = count;
        }
    }

    public int? StockOf(Guid itemId)
    {
        lock (gate)
        {
            return stock[itemId];
        }
    }

    public void SetOpen(Guid merchantId, bool isOpen)
    {
        lock (gate)
        {
            open[merchantId] = isOpen;
        }
    }

    public Task<MerchantQuote?> GetMerchantForOrderingAsync(Guid merchantId, CancellationToken ct)
    {
        lock (gate)
        {
            if (!open.TryGetValue(merchantId, out var isOpen))
            {
                return Task.FromResult<MerchantQuote?>(null);
            }

            var menu = items.Values.Where(i => merchantOf[i.Id] == merchantId).Select(i => i with { Stock = stock[i.Id] }).ToList();
            return Task.FromResult<MerchantQuote?>(new MerchantQuote(
                merchantId, merchantId == Merchant1 ? "开饭黄焖鸡" : "开饭汉堡", DemoCampus.ZoneId(1), ShopLocation, isOpen, PackagingFeeFen, 1000, menu));
        }
    }

    public Task<ZoneQuote?> GetZoneAsync(Guid zoneId, CancellationToken ct) =>
        Task.FromResult<ZoneQuote?>(zoneId == DemoCampus.ZoneId(1) ? new ZoneQuote(zoneId, "开饭大学", BaseDeliveryFeeFen, 100, 3.0, 6.0) : null);

    public Task<StockReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockLine> lines, CancellationToken ct)
    {
        lock (gate)
        {
            if (reservations.ContainsKey(orderId))
            {
                return Task.FromResult(new StockReservationResult(true, []));
            }

            var shortItems = lines.Where(l => stock[l.ItemId] is { } left && left < l.Quantity).Select(l => l.ItemId).ToList();
            if (shortItems.Count > 0)
            {
                return Task.FromResult(new StockReservationResult(false, shortItems));
            }

            foreach (var line in lines.Where(l => stock[l.ItemId] is not null))
            {
                stock[line.ItemId] -= line.Quantity;
            }

            reservations[orderId] = lines;
            return Task.FromResult(new StockReservationResult(true, []));
        }
    }

    public Task ReleaseAsync(Guid orderId, CancellationToken ct)
    {
        lock (gate)
        {
            if (reservations.Remove(orderId, out var lines))
            {
                foreach (var line in lines.Where(l => stock[l.ItemId] is not null))
                {
                    stock[line.ItemId] += line.Quantity;
                }
            }

            return Task.CompletedTask;
        }
    }

    private void Add(Guid merchantId, ItemQuote item)
    {
        items[item.Id] = item;
        merchantOf[item.Id] = merchantId;
        stock[item.Id] = null;
    }

    private void Update(Guid itemId, Func<ItemQuote, ItemQuote> change)
    {
        lock (gate)
        {
            items[itemId] = change(items[itemId]);
        }
    }
}
