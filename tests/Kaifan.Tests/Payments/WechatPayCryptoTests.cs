using System.Security.Cryptography;
using System.Text;
using Kaifan.Payments.WechatPay;

namespace Kaifan.Tests.Payments;

public sealed class WechatPayCryptoTests
{
    private static readonly RSA GatewayKey = RSA.Create(2048);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"n1","event_type":"TRANSACTION.SUCCESS","summary":"支付成功"}""");

    [Fact]
    public void a_signature_made_with_the_gateway_key_verifies_with_its_public_key()
    {
        var signature = WechatPayCrypto.Sign(GatewayKey, "1700000000", "nonce-1", Body);

        using var publicKey = PublicHalf(GatewayKey);
        WechatPayCrypto.Verify(publicKey, "1700000000", "nonce-1", Body, signature).ShouldBeTrue();
    }

    [Fact]
    public void the_signed_message_is_timestamp_nonce_and_raw_body_each_ending_in_a_newline()
    {
        var message = WechatPayCrypto.SignedMessage("1700000000", "abc", Body);

        message.ShouldBe(Encoding.UTF8.GetBytes("1700000000\nabc\n" + Encoding.UTF8.GetString(Body) + "\n"));
    }

    [Fact]
    public void one_changed_body_byte_breaks_the_signature()
    {
        var signature = WechatPayCrypto.Sign(GatewayKey, "1700000000", "nonce-1", Body);
        var tampered = (byte[])Body.Clone();
        tampered[10] ^= 0x01;

        using var publicKey = PublicHalf(GatewayKey);
        WechatPayCrypto.Verify(publicKey, "1700000000", "nonce-1", tampered, signature).ShouldBeFalse();
    }

    [Fact]
    public void a_changed_timestamp_or_nonce_breaks_the_signature()
    {
        var signature = WechatPayCrypto.Sign(GatewayKey, "1700000000", "nonce-1", Body);

        using var publicKey = PublicHalf(GatewayKey);
        WechatPayCrypto.Verify(publicKey, "1700000001", "nonce-1", Body, signature).ShouldBeFalse();
        WechatPayCrypto.Verify(publicKey, "1700000000", "nonce-2", Body, signature).ShouldBeFalse();
    }

    [Fact]
    public void a_signature_by_another_key_does_not_verify()
    {
        using var otherKey = RSA.Create(2048);
        var signature = WechatPayCrypto.Sign(otherKey, "1700000000", "nonce-1", Body);

        using var publicKey = PublicHalf(GatewayKey);
        WechatPayCrypto.Verify(publicKey, "1700000000", "nonce-1", Body, signature).ShouldBeFalse();
    }

    [Fact]
    public void a_signature_that_is_not_base64_is_rejected_without_throwing()
    {
        using var publicKey = PublicHalf(GatewayKey);
        WechatPayCrypto.Verify(publicKey, "1700000000", "nonce-1", Body, "not base64 !!").ShouldBeFalse();
    }

    [Fact]
    public void a_resource_encrypted_under_the_apiv3_key_decrypts_to_the_same_plaintext()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        const string plaintext = """{"out_trade_no":"abc","trade_state":"SUCCESS","amount":{"total":2500}}""";

        var ciphertext = WechatPayCrypto.Encrypt(key, plaintext, "0123456789ab", "transaction");

        WechatPayCrypto.Decrypt(key, ciphertext, "0123456789ab", "transaction").ShouldBe(plaintext);
        Convert.FromBase64String(ciphertext).Length.ShouldBe(Encoding.UTF8.GetByteCount(plaintext) + 16);
    }

    [Fact]
    public void decryption_fails_with_a_wrong_key_nonce_associated_data_or_changed_ciphertext()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var ciphertext = WechatPayCrypto.Encrypt(key, "{\"total\":1}", "0123456789ab", "transaction");
        var changed = Convert.FromBase64String(ciphertext);
        changed[0] ^= 0x01;

        Should.Throw<CryptographicException>(() => WechatPayCrypto.Decrypt(RandomNumberGenerator.GetBytes(32), ciphertext, "0123456789ab", "transaction"));
        Should.Throw<CryptographicException>(() => WechatPayCrypto.Decrypt(key, ciphertext, "0123456789ac", "transaction"));
        Should.Throw<CryptographicException>(() => WechatPayCrypto.Decrypt(key, ciphertext, "0123456789ab", "refund"));
        Should.Throw<CryptographicException>(() => WechatPayCrypto.Decrypt(key, Convert.ToBase64String(changed), "0123456789ab", "transaction"));
        Should.Throw<CryptographicException>(() => WechatPayCrypto.Decrypt(key, "%%%", "0123456789ab", "transaction"));
    }

    [Fact]
    public void a_known_wechat_style_vector_round_trips_through_utf8_nonces()
    {
        // WeChat's nonces and associated data are ASCII strings used as their UTF-8 bytes, not base64.
        var key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
        var ciphertext = WechatPayCrypto.Encrypt(key, "支付成功", "fdasflkja484", "transaction");

        using var aes = new AesGcm(key, 16);
        var bytes = Convert.FromBase64String(ciphertext);
        var plain = new byte[bytes.Length - 16];
        aes.Decrypt(Encoding.UTF8.GetBytes("fdasflkja484"), bytes.AsSpan(0, plain.Length), bytes.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes("transaction"));
        Encoding.UTF8.GetString(plain).ShouldBe("支付成功");
    }

    private static RSA PublicHalf(RSA key)
    {
        var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        return publicKey;
    }
}
