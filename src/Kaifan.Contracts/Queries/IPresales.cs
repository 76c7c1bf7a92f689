namespace Kaifan.Contracts.Queries;

/// <summary>
/// 预售接龙 chains, owned by Growth, asked by Ordering when a customer joins one by placing an order of its dish. The
/// pre-sale price is Growth's word: Ordering prices the line from it, never from the client.
/// </summary>
public interface IPresales
{
    Task<PresaleQuote?> FindAsync(Guid presaleId, CancellationToken ct);

    /// <summary>
    /// Takes Quantity of the chain's stock for the order; the stock is never passed, a customer holds one entry per
    /// chain, and a retried order finds its own entry.
    /// </summary>
    Task<PresaleEntryResult> JoinAsync(PresaleEntryRequest request, CancellationToken ct);

    /// <summary>Gives an unpaid order's entry back (placement failed, payment deadline passed); idempotent.</summary>
    Task ReleaseEntryAsync(Guid orderId, CancellationToken ct);
}

/// <summary>
/// PriceFen is one portion's pre-sale price, its fixed options included; an order's line carries exactly OptionIds
/// (the shop fixed them, the customer only says how many). IsJoinable: the chain takes entries now.
/// DeliverAt is the slot's start, ReleaseAt when its orders reach the shop, CutoffAt when the chain decides.
/// </summary>
public sealed record PresaleQuote(
    Guid PresaleId, Guid MerchantId, Guid ItemId, long PriceFen, int PerCustomerLimit, bool IsJoinable,
    DateTimeOffset CutoffAt, DateTimeOffset DeliverAt, DateTimeOffset ReleaseAt, IReadOnlyList<Guid> OptionIds);

/// <summary>MaskedName is what everyone sees in the chain (张**); the customer's full name never reaches Growth.</summary>
public sealed record PresaleEntryRequest(Guid OrderId, Guid CustomerId, Guid PresaleId, int Quantity, string MaskedName);

/// <summary>Joined, or Refused with Status (404, 409, 422), Message and the Field it names.</summary>
public sealed record PresaleEntryResult(bool Joined, int Status, string? Message, string? Field)
{
    public static readonly PresaleEntryResult In = new(true, 200, null, null);

    public static PresaleEntryResult Refused(int status, string message, string field) => new(false, status, message, field);
}
