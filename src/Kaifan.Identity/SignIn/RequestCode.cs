using System.Security.Cryptography;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.SignIn;

internal sealed record RequestCodeRequest(string Phone);

internal sealed record RequestCodeResponse(int ExpiresInSeconds);

internal sealed class RequestCodeValidator : AbstractValidator<RequestCodeRequest>
{
    public RequestCodeValidator() =>
        RuleFor(r => r.Phone).Must(PhoneNumbers.IsValid).WithMessage("请输入正确的手机号 (a mainland mobile number)");
}

/// <summary>Sends a 6-digit sign-in code; at most five per phone in any hour, then 429 with Retry-After.</summary>
internal static class RequestCode
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/codes", Handle).Validate<RequestCodeRequest>().AllowAnonymous()
            .WithTags("Identity").Produces<RequestCodeResponse>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> Handle(
        RequestCodeRequest request, IdentityDb db, IPersonalDataProtector protector, ISmsSender sms, TimeProvider clock, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(request.Phone);
        var phoneHash = protector.LookupHash(phone);
        var now = clock.GetUtcNow();
        var windowStart = now.AddHours(-1);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var entry = new OneTimeCode
        {
            Id = Guid.CreateVersion7(),
            PhoneHash = phoneHash,
            CodeHash = CodeHash(protector, phoneHash, code),
            CreatedAt = now,
            ExpiresAt = now + OneTimeCode.Lifetime,
        };
        db.OneTimeCodes.Add(entry);
        await db.SaveChangesAsync(ct);

        // Insert first, then count: two racing requests can both be refused, but never both let through past the limit.
        var recent = await db.OneTimeCodes
            .Where(c => c.PhoneHash == phoneHash && c.CreatedAt > windowStart)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.CreatedAt })
            .ToListAsync(ct);
        var position = recent.FindIndex(c => c.Id == entry.Id);
        if (position >= OneTimeCode.MaxCodesPerHour)
        {
            await db.OneTimeCodes.Where(c => c.Id == entry.Id).ExecuteDeleteAsync(ct);
            // A new code is allowed once the oldest of the five before this one has left the hour.
            var retryAfter = recent[position - OneTimeCode.MaxCodesPerHour].CreatedAt.AddHours(1) - now;
            return TooManyRequests(retryAfter, "验证码发送过于频繁，请稍后再试 (at most 5 codes per hour)");
        }

        await sms.SendCodeAsync(phone, code, ct);
        return Results.Json(new RequestCodeResponse((int)OneTimeCode.Lifetime.TotalSeconds), statusCode: StatusCodes.Status202Accepted);
    }

    public static string CodeHash(IPersonalDataProtector protector, string phoneHash, string code) =>
        protector.LookupHash($"otp:{phoneHash}:{code}");

    public static IResult TooManyRequests(TimeSpan retryAfter, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new RetryAfterResult(seconds, Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail));
    }

    private sealed class RetryAfterResult(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
