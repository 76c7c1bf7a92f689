using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaifan.Ordering.Refunds;

internal enum RefundRequestStatus
{
    Pending,
    Approved,
    Refunded,
    Rejected,
}

/// <summary>
/// 申请退款 after delivery: the whole order or some of its lines, with a reason from the list and an optional note
/// (the customer's own words, so personal data). The shop answers within 24 hours or it is approved automatically;
/// an approved request is Refunded once Payments reports the money back.
/// </summary>
internal sealed class RefundRequest
{
    public static readonly TimeSpan ApplyWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromHours(24);

    public Guid Id { get; init; }
    public Guid OrderId { get; init; }
    public Guid CustomerId { get; init; }
    public Guid MerchantId { get; init; }
    public bool WholeOrder { get; init; }
    public List<RefundLine> Lines { get; init; } = [];
    public required string Reason { get; init; }
    public string? Note { get; set; }
    public long AmountFen { get; init; }
    public RefundRequestStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset AutoApproveAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public bool ApprovedAutomatically { get; private set; }
    public string? RejectReason { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }

    /// <summary>Approved, but the gateway could not pay it back; the station pays it by hand, and Refunded follows.</summary>
    public DateTimeOffset? RefundAbnormalAt { get; private set; }

    /// <summary>Approved and its money stuck at the gateway.</summary>
    public bool RefundAbnormal => Status == RefundRequestStatus.Approved && RefundAbnormalAt is not null;

    /// <summary>The shop's 同意 and the 24-hour auto-approval may land together; only one of them decides.</summary>
    public int Version { get; private set; }

    /// <summary>Counts against what is left to refund: everything but a refused request.</summary>
    public bool Claims => Status != RefundRequestStatus.Rejected;

    public bool IsCashback => Reason == RefundReasons.Cashback;

    /// <summary>
    /// 晒图返现 goes back as a partial refund of the payment, approved from the start by the shop's or the operator's
    /// decision in Growth; as a request it counts against what is left to refund like any other.
    /// </summary>
    public static RefundRequest Cashback(Guid claimId, Orders.Order order, long amountFen, DateTimeOffset at) => new()
    {
        Id = claimId, OrderId = order.Id, CustomerId = order.CustomerId, MerchantId = order.MerchantId, Reason = RefundReasons.Cashback,
        AmountFen = amountFen, Status = RefundRequestStatus.Approved, RequestedAt = at, AutoApproveAt = at, DecidedAt = at,
    };

    public bool Approve(DateTimeOffset at, bool automatically)
    {
        if (Status != RefundRequestStatus.Pending)
        {
            return false;
        }

        Status = RefundRequestStatus.Approved;
        Version++;
        DecidedAt = at;
        ApprovedAutomatically = automatically;
        return true;
    }

    public bool Reject(string reason, DateTimeOffset at)
    {
        if (Status != RefundRequestStatus.Pending)
        {
            return false;
        }

        Status = RefundRequestStatus.Rejected;
        Version++;
        DecidedAt = at;
        RejectReason = reason;
        return true;
    }

    public void MarkRefundAbnormal(DateTimeOffset at)
    {
        if (Status == RefundRequestStatus.Approved)
        {
            RefundAbnormalAt ??= at;
        }
    }

    /// <summary>Payments' answer may come twice; the first one counts.</summary>
    public void MarkRefunded(DateTimeOffset at)
    {
        if (Status == RefundRequestStatus.Approved)
        {
            Status = RefundRequestStatus.Refunded;
            Version++;
            RefundedAt = at;
        }
    }
}

/// <summary>Quantity pieces of the order's line number Line (0-based, as listed), and what they come to after discount.</summary>
internal sealed class RefundLine
{
    public int Line { get; init; }
    public required string Name { get; init; }
    public int Quantity { get; init; }
    public long AmountFen { get; init; }
}

/// <summary>The reasons the form offers, as the API names them, with the words the shop reads.</summary>
internal static class RefundReasons
{
    /// <summary>Not offered on the form: the reason of a 晒图返现 paid back through the refund path.</summary>
    public const string Cashback = "cashback";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["missing"] = "餐品漏送",
        ["spilled"] = "餐品洒漏",
        ["quality"] = "口味/质量问题",
        ["wrong"] = "送错餐",
        ["other"] = "其他",
    };
}

internal sealed class RefundRequestConfiguration : IEntityTypeConfiguration<RefundRequest>
{
    public void Configure(EntityTypeBuilder<RefundRequest> request)
    {
        request.ToTable("ordering_refund_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.Reason).HasMaxLength(16);
        request.Property(r => r.Note).HasMaxLength(200);
        request.Property(r => r.RejectReason).HasMaxLength(100);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasIndex(r => r.OrderId);
        request.HasIndex(r => new { r.CustomerId, r.RequestedAt });
        request.HasIndex(r => new { r.MerchantId, r.Status });

        // One open request per order, even for two that pass the checks at once.
        request.HasIndex(r => r.OrderId, "IX_ordering_refund_requests_OrderId_Pending").IsUnique().HasFilter("\"Status\" = 'Pending'");
        request.OwnsMany(r => r.Lines, line => line.ToJson("Lines"));
    }
}
