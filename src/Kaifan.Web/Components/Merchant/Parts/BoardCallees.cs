namespace Kaifan.Web.Components.Merchant.Parts;

/// <summary>Whom a board card offers to call (号码保护): the customer, and the rider once one has taken the order.</summary>
internal static class BoardCallees
{
    public static readonly IReadOnlyList<string> CustomerOnly = ["customer"];

    public static readonly IReadOnlyList<string> CustomerAndRider = ["customer", "rider"];
}
