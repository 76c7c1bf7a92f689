using System.Security.Cryptography;
using System.Text;

namespace Kaifan.Payments.WechatPay;

/// <summary>
/// The two cryptographic halves of a WeChat Pay v3 callback: an RSA-SHA256 (PKCS#1 v1.5) signature over
/// "timestamp\nnonce\nbody\n" in the headers, and an AES-256-GCM encrypted resource under the APIv3 key.
/// </summary>
internal static class WechatPayCrypto
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    private const int TagBytes = 16;
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The exact bytes that are signed: the body is used as received, never re-serialized.</summary>
    public static byte[] SignedMessage(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    public static string Sign(RSA privateKey, string timestamp, string nonce, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(privateKey.SignData(SignedMessage(timestamp, nonce, body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(RSA publicKey, string timestamp, string nonce, ReadOnlySpan<byte> body, string signatureBase64)
    {
        var signature = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
        {
            return false;
        }

        return publicKey.VerifyData(SignedMessage(timestamp, nonce, body), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Ciphertext as WeChat sends it: base64 of the encrypted bytes followed by the 16-byte tag.</summary>
    public static string Encrypt(byte[] apiV3Key, string plaintext, string nonce, string associatedData)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[plain.Length + TagBytes];
        using var aes = new AesGcm(apiV3Key, TagBytes);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, output.AsSpan(0, plain.Length), output.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the key, nonce, associated data or ciphertext do not match.</summary>
    public static string Decrypt(byte[] apiV3Key, string ciphertextBase64, string nonce, string associatedData)
    {
        byte[] input;
        try
        {
            input = Convert.FromBase64String(ciphertextBase64);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The ciphertext is not base64.", e);
        }

        if (input.Length < TagBytes)
        {
            throw new CryptographicException("The ciphertext is shorter than its tag.");
        }

        var plain = new byte[input.Length - TagBytes];
        using var aes = new AesGcm(apiV3Key, TagBytes);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), input.AsSpan(0, plain.Length), input.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Random letters and digits, as WeChat uses for header nonces (32) and AEAD nonces (12).</summary>
    public static string NewNonce(int length) =>
        RandomNumberGenerator.GetString(NonceAlphabet, length);
}
