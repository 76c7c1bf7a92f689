namespace Kaifan.Contracts.Queries;

/// <summary>
/// 社群价, owned by Growth, asked by Ordering while it prices a cart: the dishes of a shop this customer may buy at a
/// community's member price right now. Membership and the offer's window are Growth's word, asked at every quote and
/// placement, so a customer who left a community (or an offer that ended) prices at the menu's price at once.
/// </summary>
public interface ICommunityPrices
{
    /// <summary>One quote per dish (the lowest when several of the customer's communities price it); empty for a non-member.</summary>
    Task<IReadOnlyList<CommunityPriceQuote>> ForMemberAsync(Guid customerId, Guid merchantId, CancellationToken ct);
}

/// <summary>MemberPriceFen replaces the dish's list price (options keep their deltas) for at most LimitPerOrder portions.</summary>
public sealed record CommunityPriceQuote(Guid OfferId, Guid CommunityId, string CommunityName, Guid ItemId, long MemberPriceFen, int LimitPerOrder);
