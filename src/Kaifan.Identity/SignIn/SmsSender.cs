using Kaifan.BuildingBlocks.Security;
using Microsoft.Extensions.Logging;

namespace Kaifan.Identity.SignIn;

/// <summary>Sends sign-in codes. A real deployment plugs in its SMS provider here.</summary>
internal interface ISmsSender
{
    Task SendCodeAsync(string phone, string code, CancellationToken ct);
}

/// <summary>Development sender: prints the code to the console, with the phone masked.</summary>
internal sealed partial class ConsoleSmsSender(ILogger<ConsoleSmsSender> logger) : ISmsSender
{
    public Task SendCodeAsync(string phone, string code, CancellationToken ct)
    {
        LogCode(Mask.Phone(phone), code);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "【开饭】验证码 {Code} 发往 {MaskedPhone}，5 分钟内有效 (development SMS sender)")]
    private partial void LogCode(string maskedPhone, string code);
}
