using FluentValidation;

namespace Kaifan.Ordering.Pricing;

/// <summary>A client names only what it wants; prices and names always come from the menu.</summary>
internal sealed record CartLineRequest(Guid ItemId, int Quantity, IReadOnlyList<Guid>? OptionIds);

internal sealed record CartRequest(Guid MerchantId, Guid AddressId, IReadOnlyList<CartLineRequest>? Lines);

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
    }
}

internal static class CartMessages
{
    public const string MerchantRequired = "请选择商家 (merchantId is required)";
    public const string AddressRequired = "请选择收货地址 (addressId is required)";
    public const string LinesRequired = "购物车是空的 (lines are required)";
    public const string TooManyLines = "最多50种商品 (at most 50 lines)";
}
