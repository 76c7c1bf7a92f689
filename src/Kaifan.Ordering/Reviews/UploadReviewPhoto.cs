using System.Security.Claims;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// POST /api/review-photos (multipart/form-data, one file in the field "photo"): a customer uploads a photo for a review
/// they are writing and gets its id, to name in the review's photoIds. JPEG, PNG or WebP up to 5 MB; a missing or larger
/// file is 400 naming photo, anything that is not such an image 422 naming photo, and nothing is stored then. What is
/// stored is re-encoded without metadata (<see cref="PhotoEncoder"/>).
/// </summary>
internal static class UploadReviewPhoto
{
    public const string Field = "photo";

    /// <summary>The host caps bodies at 256 KB; a 5 MB photo needs room for itself and the multipart framing.</summary>
    private const long BodyLimit = ReviewPhoto.MaxBytes + 256 * 1024;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/review-photos", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .DisableAntiforgery()
            .WithTags("Reviews")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ReviewPhotoView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(HttpContext http, ClaimsPrincipal user, OrderingDb db, TimeProvider clock, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = BodyLimit;
        }

        if (!http.Request.HasFormContentType)
        {
            return Problems.Validation(Field, "请选择一张图片 (send the photo as multipart/form-data)");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            // A multipart body without a single part, or cut short: there is no photo in it.
            return Problems.Validation(Field, "请选择一张图片 (a photo is required)");
        }

        if (form.Files.GetFile(Field) is not { Length: > 0 } file)
        {
            return Problems.Validation(Field, "请选择一张图片 (a photo is required)");
        }

        if (file.Length > ReviewPhoto.MaxBytes)
        {
            return Problems.Validation(Field, "图片不能超过5MB (a photo is at most 5 MB)");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        if (PhotoEncoder.Encode(buffer.ToArray()) is not { } encoded)
        {
            return Problems.Unprocessable("只支持JPG、PNG或WebP图片 (only JPEG, PNG or WebP images)", Field);
        }

        var photo = new ReviewPhoto
        {
            Id = Guid.NewGuid(), CustomerId = user.UserId(), Large = encoded.Large, Thumbnail = encoded.Thumbnail,
            Width = encoded.Width, Height = encoded.Height, UploadedAt = clock.GetUtcNow(),
        };
        db.ReviewPhotos.Add(photo);
        await db.SaveChangesAsync(ct);
        return Results.Json(ReviewPhotoView.Of(photo.Id), statusCode: StatusCodes.Status201Created);
    }
}
