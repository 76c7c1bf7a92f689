using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Catalog.Browse;
using Kaifan.Catalog.Model;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Catalog.Onboarding;

/// <summary>POST /api/ops/zones: the operator opens a delivery area with its centre and fee rule (ADR 0007: zones live in Catalog).</summary>
internal static class OnboardZone
{
    internal sealed record Request(string Name, double CenterLat, double CenterLon, long BaseDeliveryFeeFen, long FeePerKmFen, double FreeDistanceKm, double MaxDistanceKm);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(40);
            RuleFor(r => r.CenterLat).InclusiveBetween(-90, 90).WithMessage("纬度无效 (centerLat must be -90..90)");
            RuleFor(r => r.CenterLon).InclusiveBetween(-180, 180).WithMessage("经度无效 (centerLon must be -180..180)");
            RuleFor(r => r.BaseDeliveryFeeFen).InclusiveBetween(0, 100_00).WithMessage("起送费须在0到100元之间 (baseDeliveryFeeFen must be 0..10000)");
            RuleFor(r => r.FeePerKmFen).InclusiveBetween(0, 50_00).WithMessage("每公里费用须在0到50元之间 (feePerKmFen must be 0..5000)");
            RuleFor(r => r.FreeDistanceKm).InclusiveBetween(0, 50).WithMessage("免费距离须在0到50公里之间 (freeDistanceKm must be 0..50)");
            RuleFor(r => r.MaxDistanceKm).InclusiveBetween(0.5, 50).WithMessage("配送范围须在0.5到50公里之间 (maxDistanceKm must be 0.5..50)");
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/ops/zones", Handle).Validate<Request>().RequireAuthorization(Roles.Operator)
            .WithTags("Ops onboarding").Produces<ZoneView>(StatusCodes.Status201Created);

    private static async Task<IResult> Handle(Request request, CatalogDb db, CancellationToken ct)
    {
        var zone = new Zone
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            CenterLat = request.CenterLat,
            CenterLon = request.CenterLon,
            BaseDeliveryFeeFen = request.BaseDeliveryFeeFen,
            FeePerKmFen = request.FeePerKmFen,
            FreeDistanceKm = request.FreeDistanceKm,
            MaxDistanceKm = request.MaxDistanceKm,
        };
        db.Zones.Add(zone);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/zones/{zone.Id}", zone.ToView());
    }
}
