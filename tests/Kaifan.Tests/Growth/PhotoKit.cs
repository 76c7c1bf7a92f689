using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kaifan.BuildingBlocks;
using Kaifan.Ordering;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Payments;
using Kaifan.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using static Kaifan.Tests.Ordering.OrderingKit;

namespace Kaifan.Tests.Growth;

/// <summary>Photos as phones make them (a JPEG carrying GPS in its EXIF), uploads, and paid delivered orders of any demo shop.</summary>
internal static class PhotoKit
{
    /// <summary>红糖糍粑 of the 麻辣香锅 shop (merchant 2): no options to choose.</summary>
    public static readonly Guid SweetRiceCake = Dish(6, merchant: 2);

    /// <summary>A 1×1 GIF: an image, but not one a review takes (Skia decodes GIF but cannot write one).</summary>
    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>A camera JPEG whose EXIF says where it was taken: 31.0262° N, as a phone writes it.</summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        var plain = Encoded(width, height, SKEncodedImageFormat.Jpeg);
        var exif = ExifWithGps();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. plain[..2], .. segment, .. plain[2..]];
    }

    public static byte[] Encoded(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OrangeRed);
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>"Exif\0\0", a little-endian TIFF header, IFD0 pointing at a GPS IFD with GPSLatitudeRef "N" and GPSLatitude 31/1 1/1 34/1.</summary>
    private static byte[] ExifWithGps()
    {
        var tiff = new byte[8 + 18 + 30 + 24];
        var s = tiff.AsSpan();
        "II*\0"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 1);
        Entry(s[10..], 0x8825, 4, 1, 26);
        const int gps = 26;
        BinaryPrimitives.WriteUInt16LittleEndian(s[gps..], 2);
        Entry(s[(gps + 2)..], 0x0001, 2, 2, 'N');
        Entry(s[(gps + 14)..], 0x0002, 5, 3, 56);
        foreach (var (i, value) in new[] { (0, 31u), (1, 1u), (2, 34u) })
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(56 + (i * 8))..], value);
            BinaryPrimitives.WriteUInt32LittleEndian(s[(60 + (i * 8))..], 1);
        }

        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    /// <summary>Whether the bytes hold an EXIF block or the GPS tag anywhere.</summary>
    public static bool HasExif(byte[] jpeg) =>
        jpeg.AsSpan().IndexOf("Exif\0\0"u8) >= 0 || jpeg.AsSpan().IndexOf(new byte[] { 0x25, 0x88, 0x04, 0x00 }) >= 0;

    public static Task<HttpResponseMessage> UploadAsync(this KaifanApp app, int customer, byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg") =>
        app.UploadAsync(app.Client(TestTokens.Customer(customer)), bytes, fileName, contentType);

    public static async Task<HttpResponseMessage> UploadAsync(this KaifanApp app, HttpClient client, byte[] bytes, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "photo", fileName);
        return await client.PostAsync("/api/review-photos", form);
    }

    public static async Task<Guid> UploadedAsync(this KaifanApp app, int customer)
    {
        var response = await app.UploadAsync(customer, JpegWithGps(64, 48));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await JsonOf(response))["id"]!.GetValue<Guid>();
    }

    public static async Task<int> PhotosStoredAsync(this KaifanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderingDb>().ReviewPhotos.CountAsync();
    }

    /// <summary>A review of the order with the given photos and text, four stars everywhere.</summary>
    public static Task<HttpResponseMessage> ReviewWithPhotosAsync(this KaifanApp app, int customer, Guid orderId, string? text, params Guid[] photoIds) =>
        app.Client(TestTokens.Customer(customer)).PostAsJsonAsync(
            $"/api/orders/{orderId}/review", new { overall = 4, taste = 4, packaging = 4, delivery = 4, text, photoIds });

    /// <summary>An order of the given shop and lines, paid in the sandbox and delivered now (the kitchen and the ride skipped).</summary>
    public static Task<Guid> DeliveredPaidOrderAsync(this KaifanApp app, int customer, Guid merchantId, params object[] lines) =>
        app.PaidAndDeliveredAsync(customer, new { merchantId, addressId = DemoCampus.Id($"address:{customer}"), lines });

    public static async Task<JsonNode?> CashbackOfAsync(this KaifanApp app, Guid orderId, int customer) =>
        (await JsonOf(await app.Client(TestTokens.Customer(customer)).GetAsync($"/api/orders/{orderId}")))["review"]!["cashback"];

    /// <summary>Waits until Growth has queued (or decided) the order's claim and returns it as the shop's queue shows it.</summary>
    public static async Task<JsonNode> ClaimOfAsync(this KaifanApp app, Guid orderId, HttpClient queueReader, string queue)
    {
        JsonNode? claim = null;
        await PaymentProbe.EventuallyAsync(
            async () => (claim = (await queueReader.GetFromJsonAsync<JsonArray>(queue))!.FirstOrDefault(c => c!["orderId"]!.GetValue<Guid>() == orderId)) is not null,
            "Growth queued the photo review");
        return claim!;
    }
}
