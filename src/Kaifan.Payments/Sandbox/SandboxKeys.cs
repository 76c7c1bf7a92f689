using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Kaifan.Payments.Sandbox;

/// <summary>
/// The sandbox gateway's secrets: its RSA signing key (a real gateway's platform key), the merchant's APIv3 key
/// and the certificate serial. Read from configuration; generated once per host when absent (development, tests)
/// so that the gateway and the merchant-side verifier agree. Public only because Wolverine's generated handler code names it.
/// </summary>
public sealed class SandboxKeys : IDisposable
{
    private readonly RSA privateKey;
    private readonly Lock signing = new();

    private SandboxKeys(RSA privateKey, byte[] apiV3Key, string serial, string appId, string mchId, double duplicateRate, long failingTransferFen, long lostCallbackTransferFen, long failingRefundFen)
    {
        this.privateKey = privateKey;
        ApiV3Key = apiV3Key;
        Serial = serial;
        AppId = appId;
        MchId = mchId;
        DuplicateRate = duplicateRate;
        FailingTransferFen = failingTransferFen;
        LostCallbackTransferFen = lostCallbackTransferFen;
        FailingRefundFen = failingRefundFen;
        PublicKey = privateKey.ExportSubjectPublicKeyInfo();
    }

    internal byte[] ApiV3Key { get; }

    internal string Serial { get; }

    internal string AppId { get; }

    internal string MchId { get; }

    /// <summary>Like the real gateway, the sandbox sometimes delivers a notification twice.</summary>
    internal double DuplicateRate { get; }

    /// <summary>
    /// A transfer of exactly this many fen finishes FAIL (PAYEE_ACCOUNT_ABNORMAL), as WeChat's old sandbox keyed its test
    /// cases to amounts: a test, or a demo, can watch a failed 提现 come back. 0 turns it off.
    /// </summary>
    internal long FailingTransferFen { get; }

    /// <summary>
    /// A transfer of exactly this many fen succeeds but its callback is never sent, as when the gateway lost it or the host
    /// was down for every retry: a test, or a demo, can watch reconciliation by query settle it. 0 turns it off.
    /// </summary>
    internal long LostCallbackTransferFen { get; }

    /// <summary>
    /// A refund of exactly this many fen ends ABNORMAL (REFUND.ABNORMAL, as when the payer's card or change account can no
    /// longer take money back) and returns nothing, so a test, or a demo, can watch a failed 余额退回 come back. Off (0) unless
    /// configured: it would fail a demo's order refunds of that amount too, which then wait for 异常退款 by hand.
    /// </summary>
    internal long FailingRefundFen { get; }

    /// <summary>SubjectPublicKeyInfo (DER): what the merchant learns from the platform certificate.</summary>
    internal byte[] PublicKey { get; }

    internal static SandboxKeys FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kaifan:Payments:Sandbox");
        var rsa = RSA.Create();
        var pem = section["PrivateKeyPem"];
        if (string.IsNullOrWhiteSpace(pem))
        {
            rsa.KeySize = 2048;
            rsa.ExportParameters(false); // forces generation now, at start-up, not on the first payment
        }
        else
        {
            rsa.ImportFromPem(pem);
        }

        var apiV3 = section["ApiV3Key"];
        var apiV3Key = string.IsNullOrWhiteSpace(apiV3) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(apiV3);
        if (apiV3Key.Length != 32)
        {
            throw new InvalidOperationException("Kaifan:Payments:Sandbox:ApiV3Key must be 32 bytes (base64).");
        }

        var serial = section["Serial"];
        if (string.IsNullOrWhiteSpace(serial))
        {
            serial = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        }

        var duplicateRate = double.Parse(section["DuplicateRate"] ?? "0.2", CultureInfo.InvariantCulture);
        var failingTransferFen = long.Parse(section["FailingTransferFen"] ?? "444", CultureInfo.InvariantCulture);
        var lostCallbackTransferFen = long.Parse(section["LostCallbackTransferFen"] ?? "555", CultureInfo.InvariantCulture);
        var failingRefundFen = long.Parse(section["FailingRefundFen"] ?? "0", CultureInfo.InvariantCulture);
        return new SandboxKeys(
            rsa, apiV3Key, serial, section["AppId"] ?? "wxkaifansandbox01", section["MchId"] ?? "1900000109", duplicateRate, failingTransferFen,
            lostCallbackTransferFen, failingRefundFen);
    }

    internal string Sign(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        // RSA objects are not documented as thread-safe; signing is rare enough to serialize.
        lock (signing)
        {
            return WechatPay.WechatPayCrypto.Sign(privateKey, timestamp, nonce, body);
        }
    }

    public void Dispose() => privateKey.Dispose();
}
