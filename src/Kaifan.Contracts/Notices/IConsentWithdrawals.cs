namespace Kaifan.Contracts.Notices;

/// <summary>
/// A module that must stop using a person's data the moment they withdraw a purpose (ConsentPurposes) registers one;
/// Identity calls each after recording the withdrawal, in the same request, so the answer to the withdrawal means
/// it took effect. Dispatch takes a rider offline when they withdraw location.
/// </summary>
public interface IConsentWithdrawals
{
    Task WithdrawnAsync(Guid userId, string purpose, CancellationToken ct);
}
