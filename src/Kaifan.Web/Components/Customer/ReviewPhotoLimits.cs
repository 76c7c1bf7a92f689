namespace Kaifan.Web.Components.Customer;

/// <summary>What the 评价 form accepts before it uploads anything; the API checks each photo again and has the last word.</summary>
public static class ReviewPhotoLimits
{
    public const int MaxPhotos = 3;
    public const long MaxBytes = 5 * 1024 * 1024;
    public const long FormBytes = (MaxPhotos * MaxBytes) + (512 * 1024);
    public const string Accept = "image/jpeg,image/png,image/webp";
}
