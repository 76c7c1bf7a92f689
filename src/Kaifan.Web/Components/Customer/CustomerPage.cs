using Kaifan.Web.Api;
using Kaifan.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Kaifan.Web.Components.Customer;

/// <summary>
/// A shopper screen, statically rendered per request: it knows the request (cookies, form), calls the API with the
/// session cookie's token and sends people without a session to /m/login.
/// </summary>
public abstract class CustomerPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    [Inject]
    public KaifanApi Api { get; set; } = default!;

    [Inject]
    public NavigationManager Nav { get; set; } = default!;

    [Inject]
    public IStringLocalizer<Strings> L { get; set; } = default!;

    [Inject]
    public TimeProvider Clock { get; set; } = default!;

    protected bool Stop { get; private set; }

    protected bool IsNotFound { get; private set; }

    private Task? loading;

    /// <summary>
    /// Reads everything before the component's own lifecycle begins, so the page never renders between two reads: the
    /// render after the first await of OnInitializedAsync, or a parent's render meanwhile, would meet half its state
    /// (a shop page's menu without its priced cart once answered a 加入 tap with a 500). A static page shows its
    /// output only once it is complete anyway, so nothing is lost.
    /// </summary>
    public sealed override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        await (loading ??= ReadAsync());
        await base.SetParametersAsync(ParameterView.Empty);
    }

    private async Task ReadAsync()
    {
        if (string.IsNullOrEmpty(Api.Token))
        {
            ToSignIn();
            return;
        }

        try
        {
            await LoadAsync();
        }
        catch (SignInRequiredException)
        {
            ToSignIn();
        }
    }

    protected abstract Task LoadAsync();

    /// <summary>Runs a form handler; an expired session leads to sign-in rather than an error page.</summary>
    protected async Task HandleAsync(Func<Task> work)
    {
        if (Stop)
        {
            return;
        }

        try
        {
            await work();
        }
        catch (SignInRequiredException)
        {
            ToSignIn();
        }
    }

    protected void Go(string url)
    {
        Stop = true;
        Nav.NavigateTo(url);
    }

    protected void ShowNotFound()
    {
        IsNotFound = true;
        Stop = true;
        if (Http is { Response.HasStarted: false })
        {
            // The page draws its own 404 for people; the API's problem+json status page is for API clients.
            Http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        }

        // Answers 404 and renders the router's NotFoundPage instead of this page.
        Nav.NotFound();
    }

    private void ToSignIn()
    {
        Stop = true;
        var here = "/" + Nav.ToBaseRelativePath(Nav.Uri);
        Nav.NavigateTo("/m/login?returnUrl=" + Uri.EscapeDataString(here));
    }
}
