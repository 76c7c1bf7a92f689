using Kaifan.Contracts;
using Kaifan.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Web.Components.Merchant;

/// <summary>
/// A console screen's static shell: it reads the session cookie during the request and hands the token to the
/// interactive part, which runs in a circuit with no request of its own. Without a session it sends staff to sign in.
/// </summary>
public abstract class ConsolePage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    [Inject]
    public NavigationManager Nav { get; set; } = default!;

    protected string? Token { get; private set; }

    protected Guid MerchantId { get; private set; }

    protected override void OnInitialized()
    {
        Token = Http?.Request.Cookies[SessionCookie.Name];
        if (string.IsNullOrEmpty(Token) || !Guid.TryParse(SessionCookie.Claim(Token, KaifanClaims.MerchantId), out var merchantId))
        {
            Token = null;
            Nav.NavigateTo("/merchant/login?returnUrl=" + Uri.EscapeDataString("/" + Nav.ToBaseRelativePath(Nav.Uri)));
            return;
        }

        MerchantId = merchantId;
    }
}
