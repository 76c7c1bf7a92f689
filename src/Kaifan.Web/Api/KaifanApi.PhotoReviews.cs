using System.Net.Http.Headers;

namespace Kaifan.Web.Api;

/// <summary>A review photo: the large copy (≤ 1280 px) and its thumbnail, both served by the API without metadata.</summary>
public sealed record ReviewPhotoInfo(Guid Id, string Url, string ThumbnailUrl);

/// <summary>晒图返现 on the author's review: Status pending (待审核), paid (已返现, AmountFen given back) or rejected (未通过, Reason).</summary>
public sealed record ReviewCashbackInfo(string Status, long AmountFen, string? Reason);

/// <summary>A 晒图返现 campaign; Status scheduled, running, exhausted or ended; Pending counts its queue.</summary>
public sealed record PhotoCashbackInfo(
    Guid Id, Guid MerchantId, long AmountFen, long MinOrderFen, int MinTextLength, int Budget, int Paid, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string OfferedBy, string Status, int Pending);

public sealed record PhotoCashbackInput(Guid? MerchantId, long AmountFen, long MinOrderFen, int MinTextLength, int Budget, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>One photo review in the approval queue; Status pending, approved or rejected.</summary>
public sealed record PhotoCashbackClaimInfo(
    Guid Id, Guid CampaignId, Guid MerchantId, Guid ReviewId, Guid OrderId, long AmountFen, long OrderPaidFen, int TextLength, IReadOnlyList<Guid> PhotoIds,
    string Status, string? RejectReason, DateTimeOffset PostedAt, DateTimeOffset? DecidedAt);

public sealed partial class KaifanApi
{
    /// <summary>Uploads one photo for a review being written: 201 with its id; 400 (too large, missing) or 422 (no JPEG/PNG/WebP) naming photo.</summary>
    public Task<ApiResult<ReviewPhotoInfo>> UploadReviewPhotoAsync(Stream photo, string fileName, string contentType, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent();
        var file = new StreamContent(photo);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "photo", string.IsNullOrWhiteSpace(fileName) ? "photo" : fileName);
        return SendAsync<ReviewPhotoInfo>(HttpMethod.Post, "api/review-photos", form, ct: ct);
    }

    /// <summary>The shop's 评价 tab, only reviews with photos (有图, the photo wall) when asked.</summary>
    public Task<ApiResult<ShopReviewsInfo>> ShopReviewsAsync(Guid merchantId, bool withPhotos, CancellationToken ct = default) =>
        SendAsync<ShopReviewsInfo>(HttpMethod.Get, $"api/merchants/{merchantId}/reviews{(withPhotos ? "?withPhotos=true" : "")}", ct: ct);

    /// <summary>The campaigns and the queue: the shop's own (ops false) or every shop's for the operator.</summary>
    public Task<ApiResult<List<PhotoCashbackInfo>>> PhotoCashbacksAsync(bool ops, CancellationToken ct = default) =>
        SendAsync<List<PhotoCashbackInfo>>(HttpMethod.Get, Base(ops), ct: ct);

    public Task<ApiResult<PhotoCashbackInfo>> CreatePhotoCashbackAsync(bool ops, PhotoCashbackInput input, CancellationToken ct = default) =>
        SendAsync<PhotoCashbackInfo>(HttpMethod.Post, Base(ops), input, ct: ct);

    public Task<ApiResult<List<PhotoCashbackClaimInfo>>> PhotoCashbackClaimsAsync(bool ops, CancellationToken ct = default) =>
        SendAsync<List<PhotoCashbackClaimInfo>>(HttpMethod.Get, $"{Base(ops)}/claims", ct: ct);

    /// <summary>409 naming status when already decided, budget when the campaign's rewards are spent.</summary>
    public Task<ApiResult<PhotoCashbackClaimInfo>> ApprovePhotoCashbackAsync(bool ops, Guid claimId, CancellationToken ct = default) =>
        SendAsync<PhotoCashbackClaimInfo>(HttpMethod.Post, $"{Base(ops)}/claims/{claimId}/approve", ct: ct);

    /// <summary>400 naming reason without one.</summary>
    public Task<ApiResult<PhotoCashbackClaimInfo>> RejectPhotoCashbackAsync(bool ops, Guid claimId, string reason, CancellationToken ct = default) =>
        SendAsync<PhotoCashbackClaimInfo>(HttpMethod.Post, $"{Base(ops)}/claims/{claimId}/reject", new { reason }, ct: ct);

    private static string Base(bool ops) => ops ? "api/ops/growth/photo-cashback" : "api/merchant/photo-cashback";
}
