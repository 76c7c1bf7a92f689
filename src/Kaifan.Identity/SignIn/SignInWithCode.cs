using Kaifan.BuildingBlocks.Storage;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Identity.SignIn;

internal sealed record SignInRequest(string Phone, string Code);

internal sealed record SignInResponse(string Token, Guid UserId, string Role, Guid? MerchantId, Guid? RiderId);

internal sealed class SignInValidator : AbstractValidator<SignInRequest>
{
    public SignInValidator()
    {
        RuleFor(r => r.Phone).Must(PhoneNumbers.IsValid).WithMessage("请输入正确的手机号 (a mainland mobile number)");
        RuleFor(r => r.Code).Matches(@"^\d{6}$").WithMessage("验证码为 6 位数字 (six digits)");
    }
}

/// <summary>
/// Exchanges a phone + code for a bearer token. A code works once, for five minutes, and dies after five
/// wrong tries. A phone never seen before becomes a new customer.
/// </summary>
internal static class SignInWithCode
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/tokens", Handle).Validate<SignInRequest>().AllowAnonymous()
            .WithTags("Identity").Produces<SignInResponse>().ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> Handle(
        SignInRequest request, IdentityDb db, IPersonalDataProtector protector, Tokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(request.Phone);
        var phoneHash = protector.LookupHash(phone);
        var now = clock.GetUtcNow();

        var code = await db.OneTimeCodes
            .Where(c => c.PhoneHash == phoneHash && c.UsedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (code is null)
        {
            return Problems.Validation("code", "验证码已失效，请重新获取 (no valid code: request a new one)");
        }

        if (code.WrongTries >= OneTimeCode.MaxWrongTries)
        {
            return RequestCode.TooManyRequests(code.ExpiresAt - now, "错误次数过多，请稍后重新获取验证码 (too many wrong tries)");
        }

        if (code.CodeHash != RequestCode.CodeHash(protector, phoneHash, request.Code))
        {
            // Counted with a guarded update so parallel guesses cannot share one try.
            var counted = await db.OneTimeCodes
                .Where(c => c.Id == code.Id && c.WrongTries < OneTimeCode.MaxWrongTries)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WrongTries, c => c.WrongTries + 1), ct);
            return counted == 0
                ? RequestCode.TooManyRequests(code.ExpiresAt - now, "错误次数过多，请稍后重新获取验证码 (too many wrong tries)")
                : Problems.Validation("code", "验证码错误 (wrong code)");
        }

        var claimed = await db.OneTimeCodes
            .Where(c => c.Id == code.Id && c.UsedAt == null && c.WrongTries < OneTimeCode.MaxWrongTries)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (claimed == 0)
        {
            return Problems.Validation("code", "验证码已使用 (code already used)");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.PhoneHash == phoneHash, ct)
            ?? await RegisterCustomerAsync(db, protector, phone, phoneHash, now, ct);
        var token = tokens.Issue(user.Id, user.Role, user.MerchantId, user.RiderId);
        return Results.Ok(new SignInResponse(token, user.Id, user.Role, user.MerchantId, user.RiderId));
    }

    private static async Task<User> RegisterCustomerAsync(
        IdentityDb db, IPersonalDataProtector protector, string phone, string phoneHash, DateTimeOffset now, CancellationToken ct)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Role = Roles.Customer,
            PhoneCipher = protector.Protect(phone),
            PhoneHash = phoneHash,
            CreatedAt = now,
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
            return user;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same phone signed up in parallel: the other request's user is the one.
            db.ChangeTracker.Clear();
            return await db.Users.SingleAsync(u => u.PhoneHash == phoneHash, ct);
        }
    }
}
