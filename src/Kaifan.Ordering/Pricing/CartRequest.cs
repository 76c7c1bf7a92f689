using FluentValidation;
using Kaifan.Contracts;

namespace Kaifan.Ordering.Pricing;

/// <summary>A client names only what it wants; prices and names always come from the menu.</summary>
internal sealed record CartLineRequest(Guid ItemId, int Quantity, IReadOnlyList<Guid>? OptionIds);

/// <summary>A coupon to spend: the one choice a checkout and a 再来一单 share, so both validate it alike.</summary>
internal interface ICouponChoice
{
    Guid? CouponId { get; }
}

/// <summary>The checkout's choices beyond the cart, shared by the quote and the placement (see PlaceOrder.Request).</summary>
internal interface ICheckoutChoices : ICouponChoice
{
    bool SpecialCare { get; }
    string? ServiceTier { get; }
    string? Delivery { get; }
    Guid? LockerId { get; }

    /// <summary>拼团: open a new group of this deal (GroupDealId) or join this group (GroupId, from the share link).</summary>
    Guid? GroupDealId { get; }
    Guid? GroupId { get; }

    /// <summary>预售接龙: join this chain with the cart's one line (its dish, the quantity wanted).</summary>
    Guid? PresaleId { get; }
}

/// <summary>A quote may carry the checkout's choices, so it shows the tier's fee and the coupon's discount as placing would.</summary>
internal sealed record CartRequest(
    Guid MerchantId,
    Guid AddressId,
    IReadOnlyList<CartLineRequest>? Lines,
    bool SpecialCare = false,
    string? ServiceTier = null,
    string? Delivery = null,
    Guid? LockerId = null,
    Guid? CouponId = null,
    Guid? GroupDealId = null,
    Guid? GroupId = null,
    Guid? PresaleId = null) : ICheckoutChoices;

internal static class CheckoutChoicesExtensions
{
    public static Placement.CheckoutOptions Options(this ICheckoutChoices choices) =>
        new(choices.SpecialCare, choices.ServiceTier, choices.Delivery, choices.Delivery == "locker" ? choices.LockerId : null, choices.CouponId,
            choices.GroupDealId, choices.GroupId, choices.PresaleId);
}

internal sealed class CheckoutChoicesValidator : AbstractValidator<ICheckoutChoices>
{
    public CheckoutChoicesValidator()
    {
        RuleFor(r => r.ServiceTier).MaximumLength(16).Must(t => t is null or ServiceTiers.Standard or ServiceTiers.Guaranteed or ServiceTiers.Batch)
            .WithMessage("服务类型须为 standard、guaranteed 或 batch (serviceTier must be standard, guaranteed or batch)");
        RuleFor(r => r.Delivery).MaximumLength(16).Must(d => d is null or "door" or "locker")
            .WithMessage("送达方式须为 door 或 locker (delivery must be door or locker)");
        RuleFor(r => r.LockerId).Must(id => id is { } g && g != Guid.Empty).When(r => r.Delivery == "locker")
            .WithMessage("请选择外卖柜 (lockerId is required for a locker delivery)");
        RuleFor(r => r.GroupId).Must(id => id != Guid.Empty).When(r => r.GroupId is not null)
            .WithMessage("拼团编号无效 (groupId must not be empty)");
        RuleFor(r => r.GroupDealId).Must(id => id != Guid.Empty).When(r => r.GroupDealId is not null)
            .WithMessage("拼团活动编号无效 (groupDealId must not be empty)")
            .Null().When(r => r.GroupId is not null).WithMessage("开团或参团只能选一个 (give groupDealId to open a group or groupId to join one, not both)");
        RuleFor(r => r.PresaleId).Must(id => id != Guid.Empty).When(r => r.PresaleId is not null)
            .WithMessage("预售接龙编号无效 (presaleId must not be empty)")
            .Null().When(r => r.GroupDealId is not null || r.GroupId is not null).WithMessage("预售接龙不能同时拼团 (a pre-sale order is no group order)");
        Include(new CouponChoiceValidator());
    }
}

internal sealed class CouponChoiceValidator : AbstractValidator<ICouponChoice>
{
    public CouponChoiceValidator() =>
        RuleFor(r => r.CouponId).Must(id => id != Guid.Empty).When(r => r.CouponId is not null)
            .WithMessage("优惠券编号无效 (couponId must not be empty)");
}

internal sealed class CartLineRequestValidator : AbstractValidator<CartLineRequest>
{
    public CartLineRequestValidator()
    {
        RuleFor(l => l.ItemId).NotEmpty().WithMessage("请选择商品 (itemId is required)");
        RuleFor(l => l.Quantity).InclusiveBetween(1, 99).WithMessage("数量须在1到99之间 (quantity must be 1..99)");
        RuleFor(l => l.OptionIds).Must(o => o is null || o.Count <= 20).WithMessage("规格最多20项 (at most 20 options)");
    }
}

internal sealed class CartRequestValidator : AbstractValidator<CartRequest>
{
    public CartRequestValidator()
    {
        RuleFor(r => r.MerchantId).NotEmpty().WithMessage(CartMessages.MerchantRequired);
        RuleFor(r => r.AddressId).NotEmpty().WithMessage(CartMessages.AddressRequired);
        RuleFor(r => r.Lines).NotEmpty().WithMessage(CartMessages.LinesRequired).Must(l => l is null || l.Count <= 50).WithMessage(CartMessages.TooManyLines);
        RuleForEach(r => r.Lines).NotNull().SetValidator(new CartLineRequestValidator());
        Include(new CheckoutChoicesValidator());
    }
}

internal static class CartMessages
{
    public const string MerchantRequired = "请选择商家 (merchantId is required)";
    public const string AddressRequired = "请选择收货地址 (addressId is required)";
    public const string LinesRequired = "购物车是空的 (lines are required)";
    public const string TooManyLines = "最多50种商品 (at most 50 lines)";
}
