using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>
/// The 评价 form's photos go to the API one by one before the review is sent, which names their ids. A photo the API
/// refuses stops the review, with the API's words, so the customer can pick another and nothing half-done is posted.
/// </summary>
public static class ReviewPhotoUpload
{
    public static async Task<(IReadOnlyList<Guid> Ids, string? Problem)> UploadAsync(KaifanApi api, IReadOnlyList<IFormFile> files, IStringLocalizer<Strings> l)
    {
        var chosen = files.Where(f => f.Length > 0).ToList();
        if (chosen.Count > ReviewPhotoLimits.MaxPhotos)
        {
            return ([], string.Format(l["PhotoReview.TooMany"], ReviewPhotoLimits.MaxPhotos));
        }

        if (chosen.Any(f => f.Length > ReviewPhotoLimits.MaxBytes))
        {
            return ([], l["PhotoReview.TooLarge"]);
        }

        var ids = new List<Guid>();
        foreach (var file in chosen)
        {
            await using var stream = file.OpenReadStream();
            var uploaded = await api.UploadReviewPhotoAsync(stream, file.FileName, file.ContentType);
            if (!uploaded.Ok)
            {
                return ([], uploaded.FieldProblems?.Values.FirstOrDefault() ?? uploaded.Problem ?? l["PhotoReview.Refused"]);
            }

            ids.Add(uploaded.Value!.Id);
        }

        return (ids, null);
    }
}
