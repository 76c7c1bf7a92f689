namespace Kaifan.Contracts.Notices;

/// <summary>
/// Tells a rider's open app that its offers changed, so it re-reads them at once instead of on its next
/// poll. Offers live in a zone grain's memory, not in the database, so this is a direct line rather than an integration
/// event. Fire and forget: a lost notice costs only the wait for the poll, and a slow phone must never hold up a
/// dispatch round.
/// </summary>
public interface IRiderAppNotices
{
    /// <summary>An offer was made to the rider, or one they held was withdrawn.</summary>
    void OffersChanged(Guid riderId);
}
