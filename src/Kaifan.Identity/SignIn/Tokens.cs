using System.Security.Claims;
using System.Text;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kaifan.Identity.SignIn;

/// <summary>Bearer tokens: HMAC-signed JWTs whose key comes from configuration, so every host in a cluster accepts them.</summary>
internal sealed class Tokens(TokenSettings settings, TimeProvider clock)
{
    public string Issue(Guid userId, string role, Guid? merchantId, Guid? riderId)
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

        // nbf and iat from the host's clock too: left out, the handler stamps the wall clock's, and a host whose clock runs
        // behind it (a simulated day, a test's fake clock) refuses its own new tokens as not yet valid.
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenSettings.Issuer,
            Audience = TokenSettings.Audience,
            Claims = claims,
            NotBefore = now,
            IssuedAt = now,
            Expires = now.Add(settings.Lifetime),
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}

internal sealed class TokenSettings
{
    public const string Issuer = "kaifan";
    public const string Audience = "kaifan-api";

    public required SymmetricSecurityKey SigningKey { get; init; }

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromDays(7);

    public static TokenSettings FromConfiguration(IConfiguration configuration)
    {
        var key = configuration["Kaifan:Tokens:SigningKey"];
        if (string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException("Kaifan:Tokens:SigningKey must be set to at least 32 bytes.");
        }

        return new TokenSettings { SigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) };
    }
}

internal static class TokenAuthentication
{
    public static void AddKaifanAuthentication(this IServiceCollection services, TokenSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<Tokens>();
        var validated = new ValidatedTokens();
        services.AddSingleton(validated);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenSettings.Issuer,
                    ValidAudience = TokenSettings.Audience,
                    IssuerSigningKey = settings.SigningKey,
                    NameClaimType = KaifanClaims.UserId,
                    RoleClaimType = KaifanClaims.Role,
                };

                // Browsers cannot set headers on WebSocket or EventSource requests, so the hubs take the token
                // from the query string; only there, so ordinary API calls never carry tokens in URLs (and logs).
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }

                        var bearer = context.Token ?? BearerOf(context.Request);
                        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                        if (bearer is not null && validated.TryGet(bearer, now, out var principal, out var expires))
                        {
                            context.Principal = principal;
                            context.Properties.ExpiresUtc = expires;
                            context.Success();
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        if (context.SecurityToken is not JsonWebToken jwt || context.Principal is not { } principal)
                        {
                            return;
                        }

                        // A signature cannot be withdrawn, so an erased account's tokens are refused here instead.
                        if (Guid.TryParse(principal.FindFirst(KaifanClaims.UserId)?.Value, out var userId)
                            && await context.HttpContext.RequestServices.GetRequiredService<IdentityDb>().Users
                                .AnyAsync(u => u.Id == userId && u.ErasedAt != null, context.HttpContext.RequestAborted))
                        {
                            context.Fail("The account was erased.");
                            return;
                        }

                        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                        validated.Add(jwt.EncodedToken, principal, new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc)), now);
                    },
                };
            });
        // Lifetimes are judged by the host's clock, the one that issued the tokens (an accelerated simulation or a
        // test's fake clock included), not by the wall clock IdentityModel reads on its own.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore.Value - parameters.ClockSkew <= now)
                    && expires is { } until && now < until + parameters.ClockSkew;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Customer, p => p.RequireRole(Roles.Customer))
            .AddPolicy(Roles.Merchant, p => p.RequireRole(Roles.Merchant).RequireClaim(KaifanClaims.MerchantId))
            .AddPolicy(Roles.Rider, p => p.RequireRole(Roles.Rider).RequireClaim(KaifanClaims.RiderId))
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator));
    }

    /// <summary>The token the JWT handler itself would read from the Authorization header.</summary>
    private static string? BearerOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
