using Kaifan.Payments.Sandbox;

namespace Kaifan.Payments.WechatPay;

/// <summary>
/// What the merchant knows about the gateway: the platform certificate's public key and serial, and the APIv3 key
/// the merchant set. Never the gateway's private key.
/// </summary>
internal sealed record WechatPayPlatform(string Serial, byte[] PublicKey, byte[] ApiV3Key, string AppId, string MchId)
{
    /// <summary>Clock skew allowed between the gateway's timestamp and ours, as WeChat recommends.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    public static WechatPayPlatform Of(SandboxKeys sandbox) =>
        new(sandbox.Serial, sandbox.PublicKey, sandbox.ApiV3Key, sandbox.AppId, sandbox.MchId);
}
