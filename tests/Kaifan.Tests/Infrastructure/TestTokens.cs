using System.Text;
using Kaifan.BuildingBlocks;
using Kaifan.Contracts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// Bearer tokens for the seeded demo people, signed with the test key, for tests whose subject is not
/// sign-in itself (sign-in has its own tests through the real one-time-code flow).
/// </summary>
public static class TestTokens
{
    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";

    public static string Customer(int n = 1) => Issue(DemoCampus.CustomerId(n), Roles.Customer);

    public static string MerchantStaff(int merchant = 1) =>
        Issue(DemoCampus.MerchantStaffId(merchant), Roles.Merchant, merchantId: DemoCampus.MerchantId(merchant));

    public static string Rider(int n = 1) => Issue(DemoCampus.RiderId(n), Roles.Rider, riderId: DemoCampus.RiderId(n));

    public static string Operator() => Issue(DemoCampus.OperatorId, Roles.Operator);

    public static string Issue(Guid userId, string role, Guid? merchantId = null, Guid? riderId = null)
    {
        var claims = new Dictionary<string, object> { [KaifanClaims.UserId] = userId.ToString(), [KaifanClaims.Role] = role };
        if (merchantId is { } m)
        {
            claims[KaifanClaims.MerchantId] = m.ToString();
        }

        if (riderId is { } r)
        {
            claims[KaifanClaims.RiderId] = r.ToString();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "kaifan",
            Audience = "kaifan-api",
            Claims = claims,
            // Valid from long before any test clock (some pin a day in 2026) until well after the run.
            NotBefore = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            IssuedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Expires = DateTime.UtcNow.AddDays(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
