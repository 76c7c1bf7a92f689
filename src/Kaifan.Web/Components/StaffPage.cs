using Kaifan.Contracts;
using Kaifan.Web.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Kaifan.Web.Components;

/// <summary>
/// The static shell of the rider app and the ops console: it reads the session cookie during the request and hands
/// the token to the interactive part (a circuit has no request of its own). Without a session of the right role it
/// sends the person to sign in.
/// </summary>
public abstract class StaffPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    [Inject]
    public NavigationManager Nav { get; set; } = default!;

    protected string? Token { get; private set; }

    protected abstract string Role { get; }

    protected abstract string LoginPath { get; }

    protected override void OnInitialized()
    {
        Token = Http?.Request.Cookies[SessionCookie.Name];
        if (string.IsNullOrEmpty(Token) || SessionCookie.Claim(Token, KaifanClaims.Role) != Role)
        {
            Token = null;
            Nav.NavigateTo(LoginPath + "?returnUrl=" + Uri.EscapeDataString("/" + Nav.ToBaseRelativePath(Nav.Uri)));
        }
    }
}
