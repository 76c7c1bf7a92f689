using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// GET /api/review-photos/{id} and /api/review-photos/{id}/thumbnail: public like the reviews they belong to, found only
/// by their random id. A photo never changes, so caches keep it; a day rather than forever, because an erased account's
/// photos must stop showing.
/// </summary>
internal static class GetReviewPhoto
{
    private const string CacheControl = "public, max-age=86400";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/review-photos/{id:guid}", (Guid id, HttpContext http, OrderingDb db, CancellationToken ct) => ServeAsync(id, thumbnail: false, http, db, ct))
            .AllowAnonymous().WithTags("Reviews").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        api.MapGet("/api/review-photos/{id:guid}/thumbnail", (Guid id, HttpContext http, OrderingDb db, CancellationToken ct) => ServeAsync(id, thumbnail: true, http, db, ct))
            .AllowAnonymous().WithTags("Reviews").Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
    }

    private static async Task<IResult> ServeAsync(Guid id, bool thumbnail, HttpContext http, OrderingDb db, CancellationToken ct)
    {
        var etag = new EntityTagHeaderValue($"\"{id:N}{(thumbnail ? "t" : "")}\"");
        if (http.Request.Headers.IfNoneMatch.ToString() == etag.Tag.ToString() && await db.ReviewPhotos.AnyAsync(p => p.Id == id, ct))
        {
            http.Response.Headers.CacheControl = CacheControl;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var bytes = await db.ReviewPhotos.AsNoTracking().Where(p => p.Id == id)
            .Select(p => thumbnail ? p.Thumbnail : p.Large)
            .SingleOrDefaultAsync(ct);
        if (bytes is null)
        {
            return Problems.NotFound("图片 (photo)");
        }

        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(bytes, "image/jpeg", entityTag: etag);
    }
}
