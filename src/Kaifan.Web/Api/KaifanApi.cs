using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.Web.Session;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Web.Api;

/// <summary>Thrown when the API answers 401: the page sends the person to sign in again.</summary>
public sealed class SignInRequiredException() : Exception("请先登录 (sign-in required)");

/// <summary>
/// The public REST API over loopback, carrying the signed-in person's bearer token: taken from the HttpOnly
/// session cookie during a request, or handed in by an interactive console component (which has no request).
/// </summary>
public sealed partial class KaifanApi(HttpClient http, IHttpContextAccessor accessor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private string? token;

    public string? Token
    {
        get => token ??= accessor.HttpContext?.Request.Cookies[SessionCookie.Name];
        set => token = value;
    }

    public HttpClient Http => http;

    // Identity
    public Task<ApiResult<JsonElement>> RequestCodeAsync(string phone, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "api/auth/codes", new { phone }, ct: ct);

    public Task<ApiResult<SignInResult>> SignInAsync(string phone, string code, CancellationToken ct = default) =>
        SendAsync<SignInResult>(HttpMethod.Post, "api/auth/tokens", new { phone, code }, ct: ct);

    public Task<ApiResult<List<AddressInfo>>> MyAddressesAsync(CancellationToken ct = default) =>
        SendAsync<List<AddressInfo>>(HttpMethod.Get, "api/me/addresses", ct: ct);

    /// <summary>A new address without an id, else that address changed.</summary>
    public Task<ApiResult<AddressInfo>> SaveAddressAsync(Guid? addressId, SaveAddressInput address, CancellationToken ct = default) =>
        addressId is { } id
            ? SendAsync<AddressInfo>(HttpMethod.Put, $"api/me/addresses/{id}", address, ct: ct)
            : SendAsync<AddressInfo>(HttpMethod.Post, "api/me/addresses", address, ct: ct);

    public Task<ApiResult<JsonElement>> DeleteAddressAsync(Guid addressId, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"api/me/addresses/{addressId}", ct: ct);

    /// <summary>注销账号: 204 when erased, 409 with the reason when something is still under way, 400 naming confirm.</summary>
    public Task<ApiResult<JsonElement>> EraseMyAccountAsync(string confirm, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "api/me/erasure", new { confirm }, ct: ct);

    /// <summary>Every purpose's current state (ConsentPurposes) and the history of changes, newest first.</summary>
    public Task<ApiResult<ConsentsInfo>> MyConsentsAsync(CancellationToken ct = default) =>
        SendAsync<ConsentsInfo>(HttpMethod.Get, "api/me/consents", ct: ct);

    /// <summary>Grants or withdraws one purpose; answers the same view as MyConsentsAsync.</summary>
    public Task<ApiResult<ConsentsInfo>> SetConsentAsync(string purpose, bool granted, CancellationToken ct = default) =>
        SendAsync<ConsentsInfo>(HttpMethod.Put, $"api/me/consents/{Uri.EscapeDataString(purpose)}", new { granted }, ct: ct);

    // Catalog
    public Task<ApiResult<List<ZoneInfo>>> ZonesAsync(CancellationToken ct = default) =>
        SendAsync<List<ZoneInfo>>(HttpMethod.Get, "api/zones", ct: ct);

    /// <summary>
    /// Distances and minutes count from <paramref name="from"/> (the customer's address), else the zone's centre;
    /// <paramref name="filters"/> is the shop list's own query for the 筛选 conditions (ShopFilters.ApiQuery).
    /// </summary>
    public Task<ApiResult<List<MerchantCardInfo>>> MerchantsAsync(
        Guid zoneId, string? q, string? sort, (double Latitude, double Longitude)? from = null, string filters = "", CancellationToken ct = default) =>
        SendAsync<List<MerchantCardInfo>>(HttpMethod.Get, $"api/zones/{zoneId}/merchants?q={Uri.EscapeDataString(q ?? "")}&sort={Uri.EscapeDataString(sort ?? "smart")}"
            + (from is { } at ? FormattableString.Invariant($"&lat={at.Latitude}&lon={at.Longitude}") : "") + filters, ct: ct);

    public Task<ApiResult<MenuInfo>> MenuAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<MenuInfo>(HttpMethod.Get, $"api/merchants/{merchantId}/menu", ct: ct);

    // Ordering (customer)
    public Task<ApiResult<CartQuote>> QuoteAsync(CartRequest cart, CancellationToken ct = default) =>
        SendAsync<CartQuote>(HttpMethod.Post, "api/carts/quote", cart, ct: ct);

    public Task<ApiResult<OrderInfo>> PlaceOrderAsync(PlaceOrderRequest order, string idempotencyKey, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, "api/orders", order, idempotencyKey, ct);

    public Task<ApiResult<List<CouponInfo>>> MyCouponsAsync(CancellationToken ct = default) =>
        SendAsync<List<CouponInfo>>(HttpMethod.Get, "api/me/coupons", ct: ct);

    public Task<ApiResult<List<ZoneLocker>>> ZoneLockersAsync(Guid zoneId, CancellationToken ct = default) =>
        SendAsync<List<ZoneLocker>>(HttpMethod.Get, $"api/zones/{zoneId}/lockers", ct: ct);

    public Task<ApiResult<List<OrderSummary>>> MyOrdersAsync(CancellationToken ct = default) =>
        SendAsync<List<OrderSummary>>(HttpMethod.Get, "api/orders", ct: ct);

    public Task<ApiResult<OrderInfo>> MyOrderAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Get, $"api/orders/{orderId}", ct: ct);

    public Task<ApiResult<OrderInfo>> CancelOrderAsync(Guid orderId, string? reason, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, $"api/orders/{orderId}/cancel", new { reason }, ct: ct);

    /// <summary>催单: 202 with the order's urges (who heard it), 409 when not allowed now.</summary>
    public Task<ApiResult<UrgeInfo>> UrgeAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<UrgeInfo>(HttpMethod.Post, $"api/orders/{orderId}/urge", ct: ct);

    /// <summary>评价 of a delivered order: 201 with the review; 400 naming the field, 409 not delivered or already reviewed, 422 after 7 days.</summary>
    public Task<ApiResult<ReviewInfo>> ReviewOrderAsync(Guid orderId, ReviewInput review, CancellationToken ct = default) =>
        SendAsync<ReviewInfo>(HttpMethod.Post, $"api/orders/{orderId}/review", review, ct: ct);

    public Task<ApiResult<ShopReviewsInfo>> ShopReviewsAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<ShopReviewsInfo>(HttpMethod.Get, $"api/merchants/{merchantId}/reviews", ct: ct);
    /// <summary>申请退款: 201 with the request; 400/409/422 name what is wrong.</summary>
    public Task<ApiResult<RefundRequestInfo>> RequestRefundAsync(Guid orderId, bool wholeOrder, IEnumerable<(int Line, int Quantity)> lines, string? reason, string? note, CancellationToken ct = default) =>
        SendAsync<RefundRequestInfo>(
            HttpMethod.Post, $"api/orders/{orderId}/refund-requests",
            new { wholeOrder, lines = lines.Select(l => new { line = l.Line, quantity = l.Quantity }).ToArray(), reason, note }, ct: ct);

    /// <summary>With a coupon the quote carries its discount, and its placeRequest spends it.</summary>
    public Task<ApiResult<ReorderQuote>> ReorderQuoteAsync(Guid orderId, Guid? couponId = null, CancellationToken ct = default) =>
        SendAsync<ReorderQuote>(HttpMethod.Get, $"api/orders/{orderId}/reorder{(couponId is { } c ? $"?couponId={c}" : "")}", ct: ct);

    // Payments
    public Task<ApiResult<PaymentInfo>> StartPaymentAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<PaymentInfo>(HttpMethod.Post, $"api/orders/{orderId}/payments", new { channel = "wechat" }, ct: ct);

    /// <summary>Stands for the customer confirming in the wallet app: the sandbox's payUrl takes a POST.</summary>
    public Task<ApiResult<JsonElement>> ConfirmSandboxPaymentAsync(string payUrl, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, payUrl.TrimStart('/'), ct: ct);

    // Merchant console
    public Task<ApiResult<List<OrderInfo>>> MerchantOrdersAsync(CancellationToken ct = default) =>
        SendAsync<List<OrderInfo>>(HttpMethod.Get, "api/merchant/orders", ct: ct);

    public Task<ApiResult<OrderInfo>> AcceptAsync(Guid orderId, int prepMinutes, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, $"api/merchant/orders/{orderId}/accept", new { prepMinutes }, ct: ct);

    public Task<ApiResult<OrderInfo>> RejectAsync(Guid orderId, string reason, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, $"api/merchant/orders/{orderId}/reject", new { reason }, ct: ct);

    public Task<ApiResult<OrderInfo>> ReadyAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, $"api/merchant/orders/{orderId}/ready", ct: ct);

    /// <summary>知道了 on a 催单: the board stops ringing for it.</summary>
    public Task<ApiResult<OrderInfo>> AcknowledgeUrgeAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<OrderInfo>(HttpMethod.Post, $"api/merchant/orders/{orderId}/urge/ack", ct: ct);

    public Task<ApiResult<List<ReviewInfo>>> MerchantReviewsAsync(CancellationToken ct = default) =>
        SendAsync<List<ReviewInfo>>(HttpMethod.Get, "api/merchant/reviews", ct: ct);

    /// <summary>商家回复, once per review: 409 naming reply when answered already, 400 naming text.</summary>
    public Task<ApiResult<ReviewInfo>> ReplyToReviewAsync(Guid reviewId, string text, CancellationToken ct = default) =>
        SendAsync<ReviewInfo>(HttpMethod.Post, $"api/merchant/reviews/{reviewId}/reply", new { text }, ct: ct);
    /// <summary>同意 a refund request: Payments returns the money.</summary>
    public Task<ApiResult<RefundRequestInfo>> ApproveRefundAsync(Guid requestId, CancellationToken ct = default) =>
        SendAsync<RefundRequestInfo>(HttpMethod.Post, $"api/merchant/refund-requests/{requestId}/approve", ct: ct);

    public Task<ApiResult<RefundRequestInfo>> RejectRefundAsync(Guid requestId, string reason, CancellationToken ct = default) =>
        SendAsync<RefundRequestInfo>(HttpMethod.Post, $"api/merchant/refund-requests/{requestId}/reject", new { reason }, ct: ct);

    public Task<ApiResult<PrepTimesInfo>> PrepTimesAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<PrepTimesInfo>(HttpMethod.Get, $"api/merchants/{merchantId}/prep-times", ct: ct);

    public Task<ApiResult<MenuInfo>> ManageMenuAsync(Guid merchantId, CancellationToken ct = default) =>
        SendAsync<MenuInfo>(HttpMethod.Get, $"api/merchants/{merchantId}/manage/menu", ct: ct);

    public Task<ApiResult<ItemInfo>> SetStockAsync(Guid merchantId, Guid itemId, int? stock, CancellationToken ct = default) =>
        SendAsync<ItemInfo>(HttpMethod.Put, $"api/merchants/{merchantId}/items/{itemId}/stock", new { stock }, ct: ct);

    public Task<ApiResult<ItemInfo>> SetListingAsync(Guid merchantId, Guid itemId, bool listed, CancellationToken ct = default) =>
        SendAsync<ItemInfo>(HttpMethod.Put, $"api/merchants/{merchantId}/items/{itemId}/listing", new { listed }, ct: ct);

    public Task<ApiResult<ItemInfo>> EditItemAsync(Guid merchantId, ItemInfo item, long priceFen, CancellationToken ct = default) =>
        SendAsync<ItemInfo>(HttpMethod.Put, $"api/merchants/{merchantId}/items/{item.Id}", new
        {
            categoryId = item.CategoryId,
            name = item.Name,
            description = item.Description,
            priceFen,
            calories = item.Calories,
            optionGroups = item.OptionGroups.Select(g => new
            {
                id = g.Id,
                name = g.Name,
                required = g.Required,
                maxChoices = g.MaxChoices,
                options = g.Options.Select(o => new { id = o.Id, name = o.Name, priceDeltaFen = o.PriceDeltaFen, caloriesDelta = o.CaloriesDelta }),
            }),
        }, ct: ct);

    public Task<ApiResult<List<SlotInfo>>> SetOpeningHoursAsync(Guid merchantId, IReadOnlyList<OpeningSlotInput> slots, CancellationToken ct = default) =>
        SendAsync<List<SlotInfo>>(HttpMethod.Put, $"api/merchants/{merchantId}/opening-hours", new { slots }, ct: ct);

    public Task<ApiResult<JsonElement>> SetPausedAsync(Guid merchantId, bool paused, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"api/merchants/{merchantId}/status", new { paused }, ct: ct);

    // Rider app
    public Task<ApiResult<List<ZoneCentre>>> ZoneCentresAsync(CancellationToken ct = default) =>
        SendAsync<List<ZoneCentre>>(HttpMethod.Get, "api/zones", ct: ct);

    public Task<ApiResult<RiderProfileInfo>> RiderProfileAsync(CancellationToken ct = default) =>
        SendAsync<RiderProfileInfo>(HttpMethod.Get, "api/rider/profile", ct: ct);

    public Task<ApiResult<RiderProfileInfo>> SetRiderProfileAsync(RiderGear gear, CancellationToken ct = default) =>
        SendAsync<RiderProfileInfo>(HttpMethod.Put, "api/rider/profile", gear, ct: ct);

    /// <summary>shiftEndsAt (下班时间, UTC) is optional: without it dispatch plans the rider as staying on.</summary>
    public Task<ApiResult<RiderStatusInfo>> GoOnlineAsync(Guid zoneId, double latitude, double longitude, DateTimeOffset? shiftEndsAt = null, CancellationToken ct = default) =>
        SendAsync<RiderStatusInfo>(HttpMethod.Post, "api/rider/online", new { zoneId, latitude, longitude, shiftEndsAt }, ct: ct);

    public Task<ApiResult<RiderStatusInfo>> RiderStatusAsync(CancellationToken ct = default) =>
        SendAsync<RiderStatusInfo>(HttpMethod.Get, "api/rider/status", ct: ct);

    public Task<ApiResult<RiderStatusInfo>> GoOfflineAsync(CancellationToken ct = default) =>
        SendAsync<RiderStatusInfo>(HttpMethod.Post, "api/rider/offline", ct: ct);

    public Task<ApiResult<JsonElement>> PostLocationAsync(double latitude, double longitude, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "api/rider/location", new { latitude, longitude }, ct: ct);

    public Task<ApiResult<List<OfferInfo>>> OffersAsync(CancellationToken ct = default) =>
        SendAsync<List<OfferInfo>>(HttpMethod.Get, "api/rider/offers", ct: ct);

    public Task<ApiResult<JsonElement>> AnswerOfferAsync(Guid offerId, bool accept, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/rider/offers/{offerId}/{(accept ? "accept" : "decline")}", ct: ct);

    public Task<ApiResult<List<RiderTaskInfo>>> TasksAsync(CancellationToken ct = default) =>
        SendAsync<List<RiderTaskInfo>>(HttpMethod.Get, "api/rider/tasks", ct: ct);

    public Task<ApiResult<StaffOrderInfo>> RiderOrderAsync(Guid orderId, CancellationToken ct = default) =>
        SendAsync<StaffOrderInfo>(HttpMethod.Get, $"api/rider/orders/{orderId}", ct: ct);

    /// <summary>step is arrive, pickup, arrive-customer or deliver; deliver carries {method: door|locker, locker}.</summary>
    public Task<ApiResult<StaffOrderInfo>> RiderStepAsync(Guid orderId, string step, object? body = null, CancellationToken ct = default) =>
        SendAsync<StaffOrderInfo>(HttpMethod.Post, $"api/rider/orders/{orderId}/{step}", body, ct: ct);

    // Ops console
    public Task<ApiResult<List<StaffOrderInfo>>> OpsOrdersAsync(CancellationToken ct = default) =>
        SendAsync<List<StaffOrderInfo>>(HttpMethod.Get, "api/ops/orders", ct: ct);

    public Task<ApiResult<List<UserSummaryInfo>>> OpsUsersAsync(string role, int? limit = null, CancellationToken ct = default) =>
        SendAsync<List<UserSummaryInfo>>(HttpMethod.Get, $"api/ops/users?role={Uri.EscapeDataString(role)}{(limit is { } n ? $"&limit={n}" : "")}", ct: ct);

    /// <summary>The accounts of these riders, asked a hundred at a time (the API's most a request); the first failure answers.</summary>
    public async Task<ApiResult<List<UserSummaryInfo>>> RiderAccountsAsync(IEnumerable<Guid> riderIds, CancellationToken ct = default)
    {
        var accounts = new List<UserSummaryInfo>();
        foreach (var chunk in riderIds.Distinct().Chunk(100))
        {
            var read = await SendAsync<List<UserSummaryInfo>>(HttpMethod.Get, "api/ops/users?" + string.Join('&', chunk.Select(id => $"riderId={id}")), ct: ct);
            if (!read.Ok)
            {
                return read;
            }

            accounts.AddRange(read.Value!);
        }

        return new ApiResult<List<UserSummaryInfo>>(200, accounts, null);
    }

    /// <summary>离职: 204 when done, 409 naming what stands in the way (tasks, online, withdrawals, balance, merchant, userId).</summary>
    public Task<ApiResult<JsonElement>> OffboardStaffAsync(Guid userId, string reason, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"api/ops/staff/{userId}/offboard", new { reason }, ct: ct);

    public Task<ApiResult<List<OpsRiderInfo>>> OpsRidersAsync(CancellationToken ct = default) =>
        SendAsync<List<OpsRiderInfo>>(HttpMethod.Get, "api/ops/riders", ct: ct);

    public Task<ApiResult<RiderProfileInfo>> SetRiderProfileByOpsAsync(Guid riderId, Guid homeZoneId, RiderGear gear, CancellationToken ct = default) =>
        SendAsync<RiderProfileInfo>(HttpMethod.Put, $"api/ops/riders/{riderId}/profile",
            new { homeZoneId, gear.VehicleType, gear.BatteryRangeKm, gear.Capacity, gear.AcceptsStairs }, ct: ct);

    public Task<ApiResult<List<OpsBatchLine>>> BatchLinesAsync(Guid zoneId, CancellationToken ct = default) =>
        SendAsync<List<OpsBatchLine>>(HttpMethod.Get, $"api/ops/zones/{zoneId}/batch-lines", ct: ct);

    /// <summary>lineId null adds a line to the zone, else replaces that line's fields.</summary>
    public Task<ApiResult<OpsBatchLine>> SaveBatchLineAsync(Guid zoneId, Guid? lineId, OpsBatchLineForm line, CancellationToken ct = default) =>
        lineId is { } id
            ? SendAsync<OpsBatchLine>(HttpMethod.Put, $"api/ops/zones/{zoneId}/batch-lines/{id}", line, ct: ct)
            : SendAsync<OpsBatchLine>(HttpMethod.Post, $"api/ops/zones/{zoneId}/batch-lines", line, ct: ct);

    public Task<ApiResult<JsonElement>> RemoveBatchLineAsync(Guid zoneId, Guid lineId, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"api/ops/zones/{zoneId}/batch-lines/{lineId}", ct: ct);

    /// <summary>外卖柜: a new locker of the zone without an id, else that locker renamed or moved.</summary>
    public Task<ApiResult<ZoneLocker>> SaveLockerAsync(Guid zoneId, Guid? lockerId, LockerInput locker, CancellationToken ct = default) =>
        lockerId is { } id
            ? SendAsync<ZoneLocker>(HttpMethod.Put, $"api/ops/zones/{zoneId}/lockers/{id}", locker, ct: ct)
            : SendAsync<ZoneLocker>(HttpMethod.Post, $"api/ops/zones/{zoneId}/lockers", locker, ct: ct);

    public Task<ApiResult<JsonElement>> RemoveLockerAsync(Guid zoneId, Guid lockerId, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Delete, $"api/ops/zones/{zoneId}/lockers/{lockerId}", ct: ct);

    /// <summary>Past orders per zone and hour as CSV (zone,hour,orders); answers this file's hours per zone.</summary>
    public Task<ApiResult<List<ImportedZoneInfo>>> ImportDemandHistoryAsync(string csv, CancellationToken ct = default) =>
        SendAsync<List<ImportedZoneInfo>>(HttpMethod.Post, "api/ops/insights/history", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), ct: ct);

    public Task<ApiResult<List<ImportedZoneInfo>>> ImportedDemandHistoryAsync(CancellationToken ct = default) =>
        SendAsync<List<ImportedZoneInfo>>(HttpMethod.Get, "api/ops/insights/history", ct: ct);

    /// <summary>body: a value sent as JSON, or the HttpContent itself.</summary>
    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, string? idempotencyKey = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: Json);
        }

        if (Token is { Length: > 0 } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SignInRequiredException();
        }

        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>((int)response.StatusCode, value, null)
            {
                More = response.Headers.TryGetValues("Kaifan-More", out var more) && more.Contains("true"),
            };
        }

        var (problem, problems, fields) = await ProblemTextAsync(response, ct);
        return new ApiResult<T>((int)response.StatusCode, default, problem, problems, fields);
    }

    /// <summary>
    /// The first field error of a validation problem, else its detail, else its title; every field error; and the first
    /// error per field, so a form can show each next to its input.
    /// </summary>
    private static async Task<(string First, IReadOnlyList<string> All, IReadOnlyDictionary<string, string> Fields)> ProblemTextAsync(
        HttpResponseMessage response, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            var all = new List<string>();
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    if (field.Value.ValueKind == JsonValueKind.Array)
                    {
                        var messages = field.Value.EnumerateArray().Select(e => Bilingual.Pick(e.GetString() ?? "")).ToList();
                        all.AddRange(messages);
                        if (messages.Count > 0)
                        {
                            fields.TryAdd(field.Name, messages[0]);
                        }
                    }
                }
            }

            if (all.Count > 0)
            {
                return (all[0], all, fields);
            }

            var text = problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } d ? d
                : problem.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "";
            text = Bilingual.Pick(text);
            return (text, [text], fields);
        }
        catch (JsonException)
        {
            return ($"HTTP {(int)response.StatusCode}", [], fields);
        }
    }
}
