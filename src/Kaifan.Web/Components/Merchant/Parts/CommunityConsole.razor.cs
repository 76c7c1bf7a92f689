using Kaifan.Web.Api;
using Microsoft.AspNetCore.Components;

namespace Kaifan.Web.Components.Merchant.Parts;

public sealed partial class CommunityConsole
{
    private enum Offer { None, Price, Pack }

    [Parameter, EditorRequired]
    public string Token { get; set; } = "";

    /// <summary>The shop whose communities these are; ignored when Station.</summary>
    [Parameter]
    public Guid MerchantId { get; set; }

    /// <summary>The station's own communities (ops console): any shop's dish, an optional dorm zone.</summary>
    [Parameter]
    public bool Station { get; set; }

    private List<CommunityInfo>? communities;
    private List<ZoneInfo> zones = [];
    private List<MerchantCardInfo> shops = [];
    private List<ItemInfo> items = [];
    private string name = "";
    private string description = "";
    private Guid? zoneId;
    private Guid? editing;
    private Offer offer;
    private Guid shopId;
    private Guid itemId;
    private decimal priceYuan = 9.9m;
    private int limit = 1;
    private int days = 30;
    private decimal amountYuan = 3;
    private decimal minSpendYuan;
    private int budget = 100;

    /// <summary>What the prerender read, carried to the live circuit, which then neither reads it again nor shows an empty list first.</summary>
    public sealed record Loaded(List<ZoneInfo> Zones, List<MerchantCardInfo> Shops, List<ItemInfo> Items, List<CommunityInfo> Communities);

    [PersistentState]
    public Loaded? Prerendered { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Api.Token = Token;
        if (Prerendered is { } first)
        {
            (zones, shops, items, communities) = (first.Zones, first.Shops, first.Items, first.Communities);
            shopId = Station ? shops.FirstOrDefault()?.Id ?? Guid.Empty : MerchantId;
            itemId = items.FirstOrDefault()?.Id ?? Guid.Empty;
            return;
        }

        await RunAsync(async () =>
        {
            if (Station)
            {
                zones = (await Api.ZonesAsync()).Value ?? [];
                foreach (var zone in zones)
                {
                    shops.AddRange((await Api.MerchantsAsync(zone.Id, null, null)).Value ?? []);
                }

                shopId = shops.FirstOrDefault()?.Id ?? Guid.Empty;
            }
            else
            {
                shopId = MerchantId;
            }

            await LoadItemsAsync();
            await LoadAsync();
            Prerendered = communities is null ? null : PrerenderHandover.IfSmall(new Loaded(zones, shops, items, communities));
        });
    }

    private async Task LoadAsync()
    {
        var read = await Api.ManagedCommunitiesAsync(Station);
        communities = read.Ok ? read.Value : communities;
        Problem = read.Ok ? null : read.Problem ?? $"HTTP {read.Status}";
    }

    protected override async Task RereadAsync() => communities = (await Api.ManagedCommunitiesAsync(Station)).Value ?? communities;

    private async Task LoadItemsAsync()
    {
        items = shopId == Guid.Empty ? [] : (await Api.MenuAsync(shopId)).Value?.Categories.SelectMany(c => c.Items).ToList() ?? [];
        itemId = items.FirstOrDefault()?.Id ?? Guid.Empty;
    }

    private void Edit(Guid communityId, Offer what)
    {
        editing = communityId;
        offer = what;
    }

    private async Task ShopChangedAsync(ChangeEventArgs e) => await RunAsync(async () =>
    {
        shopId = Guid.TryParse(e.Value?.ToString(), out var id) ? id : Guid.Empty;
        await LoadItemsAsync();
    });

    private async Task CreateAsync() => await RunAsync(async () =>
    {
        var created = await Api.CreateCommunityAsync(Station, new CommunityInput(name, description, Station ? zoneId : null));
        if (Report(created))
        {
            name = "";
            description = "";
            await LoadAsync();
        }
    });

    private async Task AddPriceAsync() => await RunAsync(async () =>
    {
        var now = DateTimeOffset.UtcNow;
        var input = new CommunityPriceInput(Station ? shopId : null, itemId, (long)Math.Round(priceYuan * 100), limit, now, now.AddDays(days));
        if (Report(await Api.AddCommunityPriceAsync(Station, editing!.Value, input)))
        {
            editing = null;
            await LoadAsync();
        }
    });

    private async Task AddPackAsync() => await RunAsync(async () =>
    {
        var now = DateTimeOffset.UtcNow;
        var input = new CommunityCouponPackInput((long)Math.Round(amountYuan * 100), (long)Math.Round(minSpendYuan * 100), budget, 7, now, now.AddDays(days));
        if (Report(await Api.AddCommunityCouponPackAsync(Station, editing!.Value, input)))
        {
            editing = null;
            await LoadAsync();
        }
    });

    private async Task CloseAsync(Guid id) => await RunAsync(async () =>
    {
        Report(await Api.CloseCommunityAsync(Station, id));
        await LoadAsync();
    });

    private bool Report<T>(ApiResult<T> result)
    {
        Problem = result.Ok ? null : result.Problems is { Count: > 0 } all ? string.Join("；", all) : result.Problem ?? $"HTTP {result.Status}";
        return result.Ok;
    }
}
