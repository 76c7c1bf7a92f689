using System.Security.Cryptography;
using System.Text;
using Kaifan.Contracts.Queries;

namespace Kaifan.BuildingBlocks.Security;

public sealed class PersonalDataKeys
{
    /// <summary>Key id → base64 of a 256-bit key. Old keys stay so old rows still decrypt.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    public string ActiveKeyId { get; set; } = "";

    /// <summary>Base64 of the HMAC key behind look-up hashes; it never rotates without a re-hash.</summary>
    public string HashKey { get; set; } = "";
}

/// <summary>
/// Ciphertext format: "keyId:base64(nonce ‖ tag ‖ ciphertext)". The key id travels with each value
/// so that keys rotate without rewriting every row at once.
/// </summary>
public sealed class AesGcmPersonalDataProtector : IPersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> keys;
    private readonly string activeKeyId;
    private readonly byte[] hashKey;

    public AesGcmPersonalDataProtector(PersonalDataKeys settings)
    {
        keys = settings.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        if (!keys.TryGetValue(settings.ActiveKeyId, out var active) || active.Length != 32)
        {
            throw new InvalidOperationException("Kaifan:PersonalData needs an ActiveKeyId naming a 256-bit key.");
        }

        activeKeyId = settings.ActiveKeyId;
        hashKey = Convert.FromBase64String(settings.HashKey);
        if (hashKey.Length < 32)
        {
            throw new InvalidOperationException("Kaifan:PersonalData:HashKey must be at least 256 bits.");
        }
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var buffer = new byte[NonceSize + TagSize + plain.Length];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[activeKeyId], TagSize);
        aes.Encrypt(nonce, plain, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(activeKeyId));
        return $"{activeKeyId}:{Convert.ToBase64String(buffer)}";
    }

    public string Unprotect(string protectedValue)
    {
        var separator = protectedValue.IndexOf(':');
        var keyId = protectedValue[..separator];
        var buffer = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        var plain = new byte[buffer.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keys[keyId], TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    public string LookupHash(string normalizedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(normalizedValue)));
}
