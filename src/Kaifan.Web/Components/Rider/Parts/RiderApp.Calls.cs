namespace Kaifan.Web.Components.Rider.Parts;

public partial class RiderApp
{
    /// <summary>联系顾客 and 联系商家 on every task card, through relay numbers (号码保护); Ordering decides when a call is allowed.</summary>
    private static readonly IReadOnlyList<string> RiderCallees = ["customer", "merchant"];
}
