using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Kaifan.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Payments.WechatPay;

/// <summary>A callback whose signature, freshness and encryption all checked out.</summary>
internal sealed record VerifiedNotification<T>(WechatNotification Notification, T Resource);

/// <summary>
/// Checks a WeChat Pay v3 callback before anything trusts it: known serial, RSA signature over the raw body bytes,
/// timestamp within five minutes, then decrypts the resource with the APIv3 key. An API's answer is checked alike.
/// </summary>
internal sealed class NotificationVerifier(WechatPayPlatform platform, TimeProvider clock)
{
    private const int MaxBodyBytes = 64 * 1024;

    public Task<(VerifiedNotification<T>? Verified, IResult? Failure)> VerifyAsync<T>(HttpRequest request, string eventType, CancellationToken ct)
        where T : class =>
        VerifyAsync<T>(request, [eventType], ct);

    /// <summary>For an address that hears several outcomes of one thing, such as a refund's success and its failure.</summary>
    public async Task<(VerifiedNotification<T>? Verified, IResult? Failure)> VerifyAsync<T>(HttpRequest request, IReadOnlyList<string> eventTypes, CancellationToken ct)
        where T : class
    {
        var body = await ReadBodyAsync(request, ct);
        if (body is null)
        {
            return (null, Problems.Validation("body", "通知内容过大 (notification body too large)"));
        }

        var serial = request.Headers["Wechatpay-Serial"].ToString();
        var timestamp = request.Headers["Wechatpay-Timestamp"].ToString();
        var nonce = request.Headers["Wechatpay-Nonce"].ToString();
        var signature = request.Headers["Wechatpay-Signature"].ToString();
        if (!string.Equals(serial, platform.Serial, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Unauthorized("平台证书序列号未知 (unknown Wechatpay-Serial)"));
        }

        if (!Fresh(timestamp))
        {
            return (null, Unauthorized("通知时间戳过期 (Wechatpay-Timestamp outside five minutes)"));
        }

        if (nonce.Length is 0 or > 64 || !SignatureHolds(timestamp, nonce, body, signature))
        {
            return (null, Unauthorized("通知签名无效 (Wechatpay-Signature does not verify)"));
        }

        WechatNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize<WechatNotification>(body, WechatPayJson.Options);
        }
        catch (JsonException)
        {
            notification = null;
        }

        if (notification?.Resource is null)
        {
            return (null, Problems.Validation("resource", "通知格式错误 (malformed notification)"));
        }

        if (!eventTypes.Contains(notification.EventType))
        {
            var accepted = string.Join(", ", eventTypes);
            return (null, Problems.Validation("event_type", $"此地址只接收 {accepted} (this address accepts {accepted} only)"));
        }

        if (notification.Resource.Algorithm != WechatPayCrypto.Algorithm)
        {
            return (null, Problems.Validation("resource.algorithm", "不支持的加密算法 (unsupported algorithm)"));
        }

        try
        {
            var plaintext = WechatPayCrypto.Decrypt(platform.ApiV3Key, notification.Resource.Ciphertext, notification.Resource.Nonce, notification.Resource.AssociatedData);
            var resource = JsonSerializer.Deserialize<T>(plaintext, WechatPayJson.Options);
            return resource is null
                ? (null, Problems.Validation("resource", "通知资源为空 (empty resource)"))
                : (new VerifiedNotification<T>(notification, resource), null);
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return (null, Problems.Validation("resource.ciphertext", "通知资源无法解密 (resource cannot be decrypted)"));
        }
    }

    /// <summary>An API's answer is signed as a callback is (应答签名); nothing in it counts unless this holds.</summary>
    public bool IsAuthentic(SignedAnswer answer) =>
        string.Equals(answer.Serial, platform.Serial, StringComparison.OrdinalIgnoreCase)
        && Fresh(answer.Timestamp)
        && answer.Nonce.Length is > 0 and <= 64
        && SignatureHolds(answer.Timestamp, answer.Nonce, answer.Body, answer.Signature);

    private bool Fresh(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= 253402300799
        && (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= WechatPayPlatform.TimestampTolerance;

    private bool SignatureHolds(string timestamp, string nonce, byte[] body, string signature)
    {
        // A fresh key object per check: RSA instances are not promised to be thread-safe.
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(platform.PublicKey, out _);
        return signature.Length is > 0 and <= 1024 && WechatPayCrypto.Verify(rsa, timestamp, nonce, body, signature);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
}
