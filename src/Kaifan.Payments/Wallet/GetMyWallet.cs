using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Payments.Wallet;

/// <summary>
/// Kind: topUp (充值), payment (余额支付), refund (退款到余额), withdrawal (余额退回微信) or withdrawalFailed (退回失败，返还余额);
/// AmountFen is signed, − for money that left the balance.
/// </summary>
internal sealed record WalletEntryView(long Id, string Kind, long AmountFen, DateTimeOffset At);

/// <summary>A top-up not (yet) in the ledger: Pending (到账中), Expired (已失效) or Returned (paid too late, refunded).</summary>
internal sealed record OpenTopUpView(Guid TopUpId, long AmountFen, string Status, DateTimeOffset CreatedAt);

/// <summary>
/// More says older entries exist beyond those listed; RefundingFen is what a 余额退回 still has on its way to WeChat; TopUps
/// are the latest top-ups that did not (yet) reach the ledger, newest first.
/// </summary>
internal sealed record MyWalletView(long BalanceFen, IReadOnlyList<WalletEntryView> Entries, bool More, long RefundingFen, IReadOnlyList<OpenTopUpView> TopUps);

/// <summary>GET /api/me/wallet?limit=20: the customer's 余额 and the latest ledger entries, newest first.</summary>
internal static class GetMyWallet
{
    public const int DefaultLimit = 20;
    public const int OpenTopUps = 5;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/me/wallet", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .WithTags("Payments")
            .WithSummary("我的钱包 (balance and ledger)")
            .Produces<MyWalletView>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(int? limit, ClaimsPrincipal user, PaymentsDb db, CancellationToken ct)
    {
        if (ListLimit.Refusal(limit) is { } refused)
        {
            return refused;
        }

        var customerId = user.UserId();
        // Open top-ups, then the ledger, then the balance: a credit landing between two reads then shows only in the later
        // ones. A top-up gone from the open ones is in the ledger read after it (我的钱包 stops waiting for it then), and
        // the ledger never shows an entry the balance does not hold yet.
        var topUps = await db.TopUps.AsNoTracking().Where(t => t.CustomerId == customerId && t.Status != TopUpStatus.Credited)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(OpenTopUps).ToListAsync(ct);
        var (entries, more) = await db.WalletEntries.AsNoTracking().Where(e => e.CustomerId == customerId)
            .OrderByDescending(e => e.Id).TakeWithMoreAsync(limit ?? DefaultLimit, ct);
        var balance = await WalletLedger.BalanceAsync(db, customerId, ct);
        var refunding = await db.BalanceRefunds.Where(r => r.CustomerId == customerId && r.Status == BalanceRefundStatus.Pending).SumAsync(r => (long?)r.AmountFen, ct) ?? 0;
        return Results.Ok(new MyWalletView(
            balance,
            entries.Select(e => new WalletEntryView(e.Id, KindName(e.Kind), e.AmountFen, e.At)).ToList(),
            more,
            refunding,
            topUps.Select(t => new OpenTopUpView(t.Id, t.AmountFen, t.Status.ToString(), t.CreatedAt)).ToList()));
    }

    /// <summary>One spelling of a kind wherever the customer reads it: the API and the data export.</summary>
    internal static string KindName(WalletEntryKind kind) => kind switch
    {
        WalletEntryKind.TopUp => "topUp",
        WalletEntryKind.Payment => "payment",
        WalletEntryKind.Withdrawal => "withdrawal",
        WalletEntryKind.WithdrawalFailed => "withdrawalFailed",
        _ => "refund",
    };
}
