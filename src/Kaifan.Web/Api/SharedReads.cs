using Microsoft.Extensions.Caching.Memory;

namespace Kaifan.Web.Api;

/// <summary>
/// Answers that are the same for every customer (no viewer-specific field: the 预售接龙 strips of a zone and of a shop),
/// kept for <see cref="Freshness"/> so the home and shop pages, asked on every visit, do not each ask the API again. A new,
/// joined or stopped chain shows within that time. Nothing per customer goes in here: the 社群价 a shop shows depends on
/// who looks and is read each time.
/// </summary>
public sealed class SharedReads(IMemoryCache cache)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(3);

    public Task<IReadOnlyList<PresaleInfo>> OpenPresalesAsync(KaifanApi api, IReadOnlyCollection<Guid> zoneIds, int limit) =>
        GetAsync($"presales:zones:{string.Join(',', zoneIds.Order())}:{limit}", () => api.OpenPresalesAsync(zoneIds, limit));

    public Task<IReadOnlyList<PresaleInfo>> ShopPresalesAsync(KaifanApi api, Guid merchantId) =>
        GetAsync($"presales:shop:{merchantId:N}", () => api.ShopPresalesAsync(merchantId));

    private async Task<IReadOnlyList<T>> GetAsync<T>(string key, Func<Task<ApiResult<List<T>>>> read)
    {
        if (cache.TryGetValue(key, out IReadOnlyList<T>? kept) && kept is not null)
        {
            return kept;
        }

        var result = await read();
        if (!result.Ok)
        {
            // A failed read shows an empty strip this once and is asked again next time.
            return [];
        }

        IReadOnlyList<T> answer = result.Value!.AsReadOnly();
        cache.Set(key, answer, Freshness);
        return answer;
    }
}
