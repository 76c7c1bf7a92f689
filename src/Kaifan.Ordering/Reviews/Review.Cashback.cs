namespace Kaifan.Ordering.Reviews;

/// <summary>The 晒图返现 state Growth reports for the review, shown to its author: 待审核 / 已返现 ¥x / 未通过（原因）.</summary>
internal sealed partial class Review
{
    /// <summary>Where the 晒图返现 for this review stands, as Growth reported it; null while no campaign covers it.</summary>
    public Guid? CashbackClaimId { get; private set; }
    public CashbackStatus? CashbackStatus { get; private set; }
    public long CashbackFen { get; private set; }
    public string? CashbackReason { get; private set; }

    /// <summary>A claim is queued once; a redelivery, or one arriving after the decision, changes nothing.</summary>
    public void CashbackQueued(Guid claimId, long amountFen)
    {
        if (CashbackClaimId is null)
        {
            (CashbackClaimId, CashbackStatus, CashbackFen) = (claimId, Reviews.CashbackStatus.Pending, amountFen);
        }
    }

    public bool CashbackPaid(Guid claimId, long paidFen)
    {
        if (CashbackStatus is Reviews.CashbackStatus.Paid or Reviews.CashbackStatus.Rejected)
        {
            return false;
        }

        (CashbackClaimId, CashbackStatus, CashbackFen) = (claimId, Reviews.CashbackStatus.Paid, paidFen);
        return true;
    }

    public void CashbackRejected(Guid claimId, string reason)
    {
        if (CashbackStatus is not (Reviews.CashbackStatus.Paid or Reviews.CashbackStatus.Rejected))
        {
            (CashbackClaimId, CashbackStatus, CashbackReason) = (claimId, Reviews.CashbackStatus.Rejected, reason);
        }
    }
}
