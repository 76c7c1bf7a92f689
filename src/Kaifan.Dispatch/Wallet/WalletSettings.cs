using Microsoft.Extensions.Configuration;

namespace Kaifan.Dispatch.Wallet;

/// <summary>Kaifan:Dispatch:Wallet — the rules of 提现.</summary>
internal sealed class WalletSettings
{
    /// <summary>The smallest withdrawal, in fen: ¥1, as riders' apps ask (WeChat's own floor for a transfer is ¥0.30).</summary>
    public long MinWithdrawalFen { get; init; } = 100;

    /// <summary>Withdrawals a rider may start per Shanghai day; a failed one gives its turn back.</summary>
    public int MaxWithdrawalsPerDay { get; init; } = 3;

    public static WalletSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = new WalletSettings();
        configuration.GetSection("Kaifan:Dispatch:Wallet").Bind(settings);
        return settings;
    }
}
