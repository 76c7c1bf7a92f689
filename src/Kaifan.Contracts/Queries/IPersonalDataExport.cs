namespace Kaifan.Contracts.Queries;

/// <summary>
/// One module's part of a person's copy of their personal data (GDPR art. 15/20, PIPL art. 45), a customer's or a
/// rider's: every module that keeps data about a person registers one, and GET /api/me/data-export gathers them all. A
/// rider's id is their user id. The person is always the signed-in one; values are decrypted (it is their own data),
/// times UTC and money in fen; nobody else's personal data goes in.
/// </summary>
public interface IPersonalDataExport
{
    /// <summary>The key under "sections" in the export document, e.g. "account" or "orders".</summary>
    string Section { get; }

    /// <summary>What this module holds about the person, ready to serialise; null when it holds nothing.</summary>
    Task<object?> ExportAsync(Guid userId, CancellationToken ct);
}
