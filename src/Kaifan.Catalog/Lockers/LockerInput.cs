using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Model;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Catalog.Lockers;

/// <summary>A locker as the ops console sends it, for adding one or replacing one; numbers are nullable so a missing one is named, not read as 0.</summary>
internal sealed record LockerRequest(string? Name, double? Latitude, double? Longitude)
{
    /// <summary>The name as stored and compared: the rider app sends it back trimmed too.</summary>
    public string CleanName() => Name?.Trim() ?? "";
}

internal sealed class LockerRequestValidator : AbstractValidator<LockerRequest>
{
    public LockerRequestValidator()
    {
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写外卖柜名称 (name is required)")
            .Must(n => n is null || n.Trim().Length <= 50).WithMessage("外卖柜名称最多50字 (name is at most 50 characters)");
        RuleFor(r => r.Latitude).NotNull().WithMessage("请填写纬度 (latitude is required)")
            .InclusiveBetween(-90, 90).WithMessage("纬度无效 (latitude must be -90..90)");
        RuleFor(r => r.Longitude).NotNull().WithMessage("请填写经度 (longitude is required)")
            .InclusiveBetween(-180, 180).WithMessage("经度无效 (longitude must be -180..180)");
    }
}

internal static class LockerRules
{
    /// <summary>
    /// Why the zone cannot take this locker, or null. Like a shop, it must stand within the zone's delivery range of
    /// its centre: checkout prices the ride to it, and one far away would only ever be refused there. Its name must be
    /// its own in the zone, as the customer picks it and the rider confirms the delivery by it. A new locker passes
    /// Guid.Empty.
    /// </summary>
    public static async Task<IResult?> RefusalAsync(CatalogDb db, Zone zone, LockerRequest request, Guid lockerId, CancellationToken ct)
    {
        var distanceKm = zone.Center.DistanceMetresTo(new GeoPoint(request.Latitude!.Value, request.Longitude!.Value)) / 1000;
        if (distanceKm > zone.MaxDistanceKm)
        {
            return Problems.Validation(
                "latitude",
                FormattableString.Invariant($"外卖柜不在该区域内：距区域中心{distanceKm:0.0}km，超出{zone.MaxDistanceKm:0.#}km范围 (the locker lies outside the zone)"));
        }

        var name = request.CleanName();
        if (await db.Lockers.AnyAsync(l => l.ZoneId == zone.Id && l.Name == name && l.Id != lockerId, ct))
        {
            return Problems.Conflict($"该区域已有名为“{name}”的外卖柜 (a locker with this name exists in the zone)", "name");
        }

        return null;
    }
}
