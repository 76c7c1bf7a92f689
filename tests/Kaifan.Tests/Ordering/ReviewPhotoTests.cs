using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.Tests.Growth;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Refunds;
using SkiaSharp;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Ordering;

/// <summary>
/// 晒图: up to 3 photos on a review, re-encoded without metadata (a phone's GPS never reaches the page), resized, served
/// by a random id with caching headers; refused photos change nothing; the 有图 filter; the export links them and
/// erasure deletes them.
/// </summary>
public abstract class ReviewPhotoTests(LunchtimeApp app)
{
    [Fact]
    public async Task a_phone_photo_is_stored_without_its_gps_resized_and_served_with_a_thumbnail_and_caching_headers()
    {
        var upload = PhotoKit.JpegWithGps(2000, 1000);
        PhotoKit.HasExif(upload).ShouldBeTrue("the upload carries EXIF GPS, as a phone's photo does");
        SKCodec.Create(new MemoryStream(upload)).ShouldNotBeNull("and still decodes");

        var response = await app.UploadAsync(1, upload);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var photo = await JsonOf(response);

        var anyone = app.Client();
        var large = await anyone.GetAsync(photo["url"]!.GetValue<string>());
        large.StatusCode.ShouldBe(HttpStatusCode.OK);
        large.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        large.Headers.CacheControl!.Public.ShouldBeTrue();
        large.Headers.CacheControl.MaxAge.ShouldNotBeNull();
        var stored = await large.Content.ReadAsByteArrayAsync();
        PhotoKit.HasExif(stored).ShouldBeFalse("no EXIF, so no GPS, in what is served");
        using (var bitmap = SKBitmap.Decode(stored))
        {
            (bitmap.Width, bitmap.Height).ShouldBe((1280, 640), "1280 px on the long side, the shape kept");
        }

        var thumbnail = await (await anyone.GetAsync(photo["thumbnailUrl"]!.GetValue<string>())).Content.ReadAsByteArrayAsync();
        PhotoKit.HasExif(thumbnail).ShouldBeFalse();
        using (var small = SKBitmap.Decode(thumbnail))
        {
            Math.Max(small.Width, small.Height).ShouldBeLessThanOrEqualTo(240);
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, photo["url"]!.GetValue<string>());
        again.Headers.IfNoneMatch.Add(large.Headers.ETag!);
        (await anyone.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await anyone.GetAsync($"/api/review-photos/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task photos_that_are_no_jpeg_png_or_webp_too_large_or_too_many_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var before = await app.PhotosStoredAsync();
        await RefusedAsync(await app.UploadAsync(2, PhotoKit.Gif, "a.gif", "image/gif"), HttpStatusCode.UnprocessableEntity);
        await RefusedAsync(await app.UploadAsync(2, "not a picture"u8.ToArray(), "a.jpg"), HttpStatusCode.UnprocessableEntity);
        await RefusedAsync(await app.UploadAsync(2, new byte[(5 * 1024 * 1024) + 1], "big.jpg"), HttpStatusCode.BadRequest);
        var empty = await app.Client(TestTokens.Customer(2)).PostAsync("/api/review-photos", new MultipartFormDataContent());
        await RefusedAsync(empty, HttpStatusCode.BadRequest);
        (await app.PhotosStoredAsync()).ShouldBe(before);

        (await app.UploadAsync(2, PhotoKit.Encoded(40, 40, SKEncodedImageFormat.Png), "a.png", "image/png")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.UploadAsync(2, PhotoKit.Encoded(40, 40, SKEncodedImageFormat.Webp), "a.webp", "image/webp")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var orderId = IdOf(await app.DeliveredOrderAsync(2));
        var four = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.UploadedAsync(2)));
        var tooMany = await app.ReviewWithPhotosAsync(2, orderId, "好吃", four);
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonOf(tooMany))["errors"]!["photoIds"].ShouldNotBeNull();
        var someoneElses = await app.UploadedAsync(3);
        var taken = await app.ReviewWithPhotosAsync(2, orderId, "好吃", four[0], someoneElses);
        await RefusedAsync(taken, HttpStatusCode.UnprocessableEntity, "photoIds");
        (await app.CustomerViewAsyncOf(orderId, 2))["canReview"]!.GetValue<bool>().ShouldBeTrue("no review was written");
    }

    [Fact]
    public async Task a_review_with_photos_shows_them_and_the_photo_wall_shows_only_reviews_with_photos()
    {
        var withPhotos = IdOf(await app.DeliveredOrderAsync(3));
        var without = IdOf(await app.DeliveredOrderAsync(3));
        var photos = new[] { await app.UploadedAsync(3), await app.UploadedAsync(3) };
        var written = await app.ReviewWithPhotosAsync(3, withPhotos, "面很筋道，牛肉给得很多", photos);
        written.StatusCode.ShouldBe(HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        var reviewId = (await JsonOf(written))["id"]!.GetValue<Guid>();
        var plainId = (await JsonOf(await app.ReviewWithPhotosAsync(3, without, "还行")))["id"]!.GetValue<Guid>();

        var mine = (await app.CustomerViewAsyncOf(withPhotos, 3))["review"]!["photos"]!.AsArray();
        mine.Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe(photos, "in the order chosen");
        var wall = await JsonOf(await app.Client().GetAsync($"/api/merchants/{Shop}/reviews?withPhotos=true"));
        var shown = wall["newest"]!.AsArray();
        shown.ShouldContain(r => r!["id"]!.GetValue<Guid>() == reviewId);
        shown.ShouldNotContain(r => r!["id"]!.GetValue<Guid>() == plainId);
        shown.ShouldAllBe(r => r!["photos"]!.AsArray().Count > 0);
        wall["withPhotos"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        shown.Single(r => r!["id"]!.GetValue<Guid>() == reviewId)!["cashback"].ShouldBeNull("the public page says nothing of cashback");
        (await JsonOf(await app.Client().GetAsync($"/api/merchants/{Shop}/reviews")))["newest"]!.AsArray()
            .ShouldContain(r => r!["id"]!.GetValue<Guid>() == plainId, "without the filter every review shows");
    }

    [Fact]
    public async Task the_export_links_every_photo_and_erasure_deletes_them()
    {
        const int Erased = 5;
        var orderId = IdOf(await app.DeliveredOrderAsync(Erased));
        var used = await app.UploadedAsync(Erased);
        var unused = await app.UploadedAsync(Erased);
        var reviewId = (await JsonOf(await app.ReviewWithPhotosAsync(Erased, orderId, "晒一下", used)))["id"]!.GetValue<Guid>();
        var client = app.Client(TestTokens.Customer(Erased));

        var sections = (await JsonOf(await client.GetAsync("/api/me/data-export")))["sections"]!;
        var review = sections["reviews"]!.AsArray().Single(r => r!["id"]!.GetValue<Guid>() == reviewId)!;
        review["photos"]!.AsArray().Single()!["url"]!.GetValue<string>().ShouldBe($"/api/review-photos/{used}");
        sections["reviewPhotos"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe([used, unused], ignoreOrder: true);

        (await client.PostAsJsonAsync("/api/me/erasure", new { confirm = "注销" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.Client().GetAsync($"/api/review-photos/{used}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync($"/api/review-photos/{unused}/thumbnail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var kept = (await JsonOf(await app.Client().GetAsync($"/api/merchants/{Shop}/reviews")))["newest"]!.AsArray()
            .Single(r => r!["id"]!.GetValue<Guid>() == reviewId)!;
        (kept["photos"]!.AsArray().Count, kept["overall"]!.GetValue<int>()).ShouldBe((0, 4), "the stars stay, the photos go");
    }

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field = "photo")
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!;
        (problem["field"]?.GetValue<string>() ?? (problem["errors"]?[field] is null ? null : field)).ShouldBe(field);
    }
}

public sealed class ReviewPhotoOnSqlite(LunchtimeSqliteApp app) : ReviewPhotoTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class ReviewPhotoOnPostgres(LunchtimePostgresApp app) : ReviewPhotoTests(app), IClassFixture<LunchtimePostgresApp>;
