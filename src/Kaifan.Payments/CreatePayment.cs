using Kaifan.BuildingBlocks.Storage;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Payments.Sandbox;
using Kaifan.Payments.Wallet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Payments;

/// <summary>
/// POST /api/orders/{orderId}/payments: the customer starts paying an order. The amount always comes from Ordering,
/// never from the client; asking again returns the same pending intent. Channel balance (余额支付) pays at once from the
/// customer's wallet (Wallet/PayFromBalance.cs).
/// </summary>
internal static class CreatePayment
{
    public const string WechatChannel = "wechat";
    public static readonly string[] Channels = [WechatChannel, "alipay", "balance"];

    /// <summary>Matches the unpaid-order timeout, after which Ordering cancels the order.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    internal sealed record CreatePaymentRequest(string? Channel);

    internal sealed class Validator : AbstractValidator<CreatePaymentRequest>
    {
        public Validator() =>
            RuleFor(r => r.Channel)
                .NotEmpty().WithMessage("请选择支付方式 (channel is required)")
                .MaximumLength(16)
                .Must(c => Channels.Contains(c)).WithMessage("支付方式只能是 wechat、alipay 或 balance (channel must be wechat, alipay or balance)");
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/orders/{orderId:guid}/payments", Handle)
            .RequireAuthorization(Roles.Customer)
            .Validate<CreatePaymentRequest>()
            .WithTags("Payments")
            .WithSummary("发起支付 (start paying an order)")
            .Produces<PaymentView>(StatusCodes.Status201Created)
            .Produces<PaymentView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Handle(
        Guid orderId,
        CreatePaymentRequest request,
        HttpContext http,
        PaymentsDb db,
        SandboxGateway gateway,
        TimeProvider clock,
        CancellationToken ct)
    {
        if (request.Channel is not (WechatChannel or PayFromBalance.Channel))
        {
            return Problems.Unprocessable("暂不支持该支付方式，请使用微信支付或余额支付 (only wechat and balance are available for now)", "channel");
        }

        // Resolved only once the request is well-formed: Ordering owns the amount and the order's state.
        var orders = http.RequestServices.GetRequiredService<IOrderPaymentTerms>();
        var customerId = http.User.UserId();
        var terms = await orders.GetAsync(orderId, ct);
        if (terms is null || terms.CustomerId != customerId)
        {
            return Problems.NotFound("订单 (order)");
        }

        var existing = await ActiveIntentAsync(db, orderId, ct);
        // A WeChat payment under way keeps the order: paying it from the balance as well could take the money twice.
        if (existing is { Status: PaymentStatus.Pending } && terms.AwaitingPayment && request.Channel == WechatChannel)
        {
            return Results.Ok(PaymentView.Of(existing));
        }

        // The order still awaits payment, but the WeChat attempt may yet be paid: the balance must not take it as well.
        if (existing is { Status: PaymentStatus.Pending } && terms.AwaitingPayment)
        {
            return Problems.Conflict("已发起微信支付，请在微信中完成或稍后重试 (a WeChat payment of this order is under way: finish it in WeChat or try again later)", "orderId");
        }

        if (!terms.AwaitingPayment || existing is not null)
        {
            return Problems.Conflict("订单不在待支付状态 (the order is not awaiting payment)", "orderId");
        }

        if (request.Channel == PayFromBalance.Channel)
        {
            var outbox = http.RequestServices.GetRequiredService<IDbContextOutbox<PaymentsDb>>();
            return await PayFromBalance.PayAsync(outbox, orderId, customerId, terms.AmountFen, clock, ct);
        }

        var now = clock.GetUtcNow();
        var paymentId = Guid.CreateVersion7(now);
        var prepayId = await gateway.CreatePrepayAsync(paymentId.ToString("N"), terms.AmountFen, terms.Description, PaymentNotifications.PaymentPath, ct);
        var intent = new PaymentIntent
        {
            Id = paymentId,
            OrderId = orderId,
            CustomerId = customerId,
            AmountFen = terms.AmountFen,
            Channel = WechatChannel,
            Status = PaymentStatus.Pending,
            GatewayPrepayId = prepayId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Intents.Add(intent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A parallel request for the same order created its intent first; that one is the payment.
            db.ChangeTracker.Clear();
            var winner = await ActiveIntentAsync(db, orderId, ct);
            return winner is { Status: PaymentStatus.Pending }
                ? Results.Ok(PaymentView.Of(winner))
                : Problems.Conflict("订单不在待支付状态 (the order is not awaiting payment)", "orderId");
        }

        return Results.Created($"/api/payments/{intent.Id}", PaymentView.Of(intent));
    }

    private static Task<PaymentIntent?> ActiveIntentAsync(PaymentsDb db, Guid orderId, CancellationToken ct) =>
        db.Intents.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == orderId && p.Status != PaymentStatus.Closed, ct);
}
