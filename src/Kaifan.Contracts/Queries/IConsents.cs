namespace Kaifan.Contracts.Queries;

/// <summary>Whether a person currently consents to a purpose (ConsentPurposes); a purpose never decided counts as refused.</summary>
public interface IConsents
{
    Task<bool> HasConsentAsync(Guid userId, string purpose, CancellationToken ct);
}
