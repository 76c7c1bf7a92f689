using Kaifan.Web.Api;
using Microsoft.AspNetCore.Components;

namespace Kaifan.Web.Components.Ops.Growth;

/// <summary>The same panel serves the shop's console (its own campaigns and queue) and the ops 营销活动 page (every shop's).</summary>
public sealed partial class PhotoCashbackPanel
{
    /// <summary>The signed-in person's bearer token: each component gets its own API client.</summary>
    [Parameter, EditorRequired]
    public string Token { get; set; } = "";

    /// <summary>True on the ops console: a shop is chosen for a new campaign, and the queue spans every shop.</summary>
    [Parameter]
    public bool Ops { get; set; }

    private List<PhotoCashbackInfo>? campaigns;
    private List<PhotoCashbackClaimInfo>? claims;
    private List<OpsMerchantInfo> merchants = [];
    private readonly Dictionary<Guid, string> reasons = [];
    private Guid merchantId;
    private decimal amountYuan = 3;
    private decimal minOrderYuan = 20;
    private int minText = 15;
    private int budget = 100;
    private int days = 30;

    /// <summary>What the prerender read, carried to the live circuit, which then neither reads it again nor shows an empty queue first.</summary>
    public sealed record Loaded(List<OpsMerchantInfo> Merchants, List<PhotoCashbackInfo> Campaigns, List<PhotoCashbackClaimInfo> Claims);

    [PersistentState]
    public Loaded? Prerendered { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Api.Token = Token;
        if (Prerendered is { } first)
        {
            (merchants, campaigns, claims) = (first.Merchants, first.Campaigns, first.Claims);
            merchantId = merchants.FirstOrDefault()?.Id ?? Guid.Empty;
            foreach (var claim in claims)
            {
                reasons.TryAdd(claim.Id, "");
            }

            return;
        }

        await RunAsync(async () =>
        {
            if (Ops)
            {
                merchants = (await Api.OpsMerchantsAsync()).Value ?? [];
                merchantId = merchants.FirstOrDefault()?.Id ?? Guid.Empty;
            }

            await LoadAsync();
            Prerendered = campaigns is null || claims is null ? null : PrerenderHandover.IfSmall(new Loaded(merchants, campaigns, claims));
        });
    }

    private string ShopName(Guid id) => merchants.FirstOrDefault(m => m.Id == id)?.Name ?? "";

    private async Task LoadAsync() => Problem = await ReadAsync();

    protected override async Task RereadAsync() => await ReadAsync();

    /// <summary>Both lists, each kept as it was when its read fails; the problem, if any, to show.</summary>
    private async Task<string?> ReadAsync()
    {
        var read = await Api.PhotoCashbacksAsync(Ops);
        var queue = await Api.PhotoCashbackClaimsAsync(Ops);
        campaigns = read.Value ?? campaigns;
        claims = queue.Value ?? claims;
        foreach (var claim in claims ?? [])
        {
            reasons.TryAdd(claim.Id, "");
        }

        return read.Ok && queue.Ok ? null : read.Problem ?? queue.Problem;
    }

    private Task CreateAsync() => RunAsync(async () =>
    {
        var now = Clock.GetUtcNow();
        var created = await Api.CreatePhotoCashbackAsync(Ops, new PhotoCashbackInput(
            Ops ? merchantId : null, (long)Math.Round(amountYuan * 100), (long)Math.Round(minOrderYuan * 100), minText, budget, now, now.AddDays(days)));
        if (!created.Ok)
        {
            Problem = created.Problems is { Count: > 0 } all ? string.Join("；", all) : created.Problem ?? $"HTTP {created.Status}";
            return;
        }

        await LoadAsync();
    });

    private Task ApproveAsync(PhotoCashbackClaimInfo claim) => RunAsync(async () =>
    {
        var approved = await Api.ApprovePhotoCashbackAsync(Ops, claim.Id);
        await LoadAsync();
        Problem = approved.Ok ? Problem : approved.Problem;
    });

    private Task RejectAsync(PhotoCashbackClaimInfo claim) => RunAsync(async () =>
    {
        var rejected = await Api.RejectPhotoCashbackAsync(Ops, claim.Id, reasons.GetValueOrDefault(claim.Id) ?? "");
        if (!rejected.Ok)
        {
            Problem = rejected.FieldProblems?.Values.FirstOrDefault() ?? rejected.Problem;
            return;
        }

        await LoadAsync();
    });
}
