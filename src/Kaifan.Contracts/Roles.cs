namespace Kaifan.Contracts;

/// <summary>The four kinds of people Kaifan serves; a user has exactly one.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Merchant = "merchant";
    public const string Rider = "rider";
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Customer, Merchant, Rider, Operator];
}

/// <summary>Claim names carried in Kaifan bearer tokens.</summary>
public static class KaifanClaims
{
    public const string UserId = "sub";
    public const string Role = "role";
    public const string MerchantId = "merchant_id";
    public const string RiderId = "rider_id";
}
