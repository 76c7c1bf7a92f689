using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Roles = Kaifan.Contracts.Roles;

namespace Kaifan.Identity.Addresses;

internal sealed record SaveAddressRequest(
    Guid ZoneId, string ContactName, string Phone, string Detail, double Latitude, double Longitude, string? Tag, bool StairsNoLift);

internal sealed record AddressView(
    Guid Id, Guid ZoneId, string ContactName, string Phone, string Detail, double Latitude, double Longitude, string Tag, bool StairsNoLift);

internal sealed class SaveAddressValidator : AbstractValidator<SaveAddressRequest>
{
    public SaveAddressValidator()
    {
        RuleFor(r => r.ZoneId).NotEmpty().WithMessage("请选择区域 (zoneId is required)");
        RuleFor(r => r.ContactName).NotEmpty().WithMessage("请填写联系人 (contactName is required)")
            .MaximumLength(20).WithMessage("联系人最多20个字 (contactName must be at most 20 characters)");
        RuleFor(r => r.Phone).Must(PhoneNumbers.IsValid).WithMessage("请输入正确的手机号 (a mainland mobile number)");
        RuleFor(r => r.Detail).NotEmpty().WithMessage("请填写详细地址 (detail is required)")
            .MaximumLength(100).WithMessage("详细地址最多100个字 (detail must be at most 100 characters)");
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage("纬度须在-90到90之间 (latitude must be between -90 and 90)");
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage("经度须在-180到180之间 (longitude must be between -180 and 180)");
        RuleFor(r => r.Tag).Must(t => t is null or "" or "家" or "公司" or "学校").WithMessage("标签只能是 家 / 公司 / 学校 (tag must be home, work or school)");
    }
}

/// <summary>A customer's own delivery addresses. Someone else's address id answers 404.</summary>
internal static class MyAddresses
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/addresses").RequireAuthorization(Roles.Customer).WithTags("Identity");
        group.MapGet("", List).Produces<AddressView[]>();
        group.MapPost("", Create).Validate<SaveAddressRequest>().Produces<AddressView>(StatusCodes.Status201Created);
        group.MapPut("/{addressId:guid}", Update).Validate<SaveAddressRequest>().Produces<AddressView>();
        group.MapDelete("/{addressId:guid}", Delete).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> List(ClaimsPrincipal user, IdentityDb db, IPersonalDataProtector protector, CancellationToken ct)
    {
        var customerId = user.UserId();
        var addresses = await db.Addresses.AsNoTracking()
            .Where(a => a.CustomerId == customerId)
            .OrderBy(a => a.CreatedAt)
            .ToListAsync(ct);
        return Results.Ok(addresses.Select(a => View(a, protector)));
    }

    private static async Task<IResult> Create(
        SaveAddressRequest request, ClaimsPrincipal user, IdentityDb db, IPersonalDataProtector protector,
        [FromServices] ICatalogQueries catalog, TimeProvider clock, CancellationToken ct)
    {
        if (await catalog.GetZoneAsync(request.ZoneId, ct) is null)
        {
            return Problems.Validation("zoneId", "配送区域不存在 (unknown zone)");
        }

        var address = new Address
        {
            Id = Guid.CreateVersion7(),
            CustomerId = user.UserId(),
            CreatedAt = clock.GetUtcNow(),
            ContactNameCipher = "",
            PhoneCipher = "",
            DetailCipher = "",
        };
        Apply(address, request, protector);
        db.Addresses.Add(address);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/me/addresses/{address.Id}", View(address, protector));
    }

    private static async Task<IResult> Update(
        Guid addressId, SaveAddressRequest request, ClaimsPrincipal user, IdentityDb db, IPersonalDataProtector protector,
        [FromServices] ICatalogQueries catalog, CancellationToken ct)
    {
        var customerId = user.UserId();
        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == addressId && a.CustomerId == customerId, ct);
        if (address is null)
        {
            return Problems.NotFound("地址 (address)");
        }

        if (await catalog.GetZoneAsync(request.ZoneId, ct) is null)
        {
            return Problems.Validation("zoneId", "配送区域不存在 (unknown zone)");
        }

        Apply(address, request, protector);
        await db.SaveChangesAsync(ct);
        return Results.Ok(View(address, protector));
    }

    private static async Task<IResult> Delete(Guid addressId, ClaimsPrincipal user, IdentityDb db, CancellationToken ct)
    {
        var customerId = user.UserId();
        var deleted = await db.Addresses.Where(a => a.Id == addressId && a.CustomerId == customerId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("地址 (address)") : Results.NoContent();
    }

    private static void Apply(Address address, SaveAddressRequest request, IPersonalDataProtector protector)
    {
        address.ZoneId = request.ZoneId;
        address.ContactNameCipher = protector.Protect(request.ContactName.Trim());
        address.PhoneCipher = protector.Protect(PhoneNumbers.Normalize(request.Phone));
        address.DetailCipher = protector.Protect(request.Detail.Trim());
        address.Latitude = request.Latitude;
        address.Longitude = request.Longitude;
        address.Tag = request.Tag ?? "";
        address.StairsNoLift = request.StairsNoLift;
    }

    private static AddressView View(Address a, IPersonalDataProtector protector) => new(
        a.Id, a.ZoneId, protector.Unprotect(a.ContactNameCipher), protector.Unprotect(a.PhoneCipher),
        protector.Unprotect(a.DetailCipher), a.Latitude, a.Longitude, a.Tag, a.StairsNoLift);
}
