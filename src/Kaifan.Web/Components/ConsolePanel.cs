using Kaifan.Web.Api;
using Microsoft.AspNetCore.Components;

namespace Kaifan.Web.Components;

/// <summary>
/// The interactive part of a staff app (merchant console, rider app, ops console), which calls the API with the token
/// its page handed it. Every call goes through <see cref="RunAsync"/>, so they all fail the same way: an expired
/// session sends the person to sign in again, and a call that got no answer shows why in <see cref="Problem"/> rather
/// than ending the circuit.
/// </summary>
public abstract class ConsolePanel : ComponentBase
{
    [Inject]
    protected NavigationManager Nav { get; set; } = default!;

    /// <summary>True while a call runs; the panel's buttons and inputs wait on it.</summary>
    protected bool Busy { get; private set; }

    /// <summary>The message shown above the panel: a refusal the API gave, or why the call got no answer.</summary>
    protected string? Problem { get; set; }

    protected async Task RunAsync(Func<Task> work)
    {
        Busy = true;
        try
        {
            await work();
        }
        catch (SignInRequiredException)
        {
            Nav.NavigateTo(SignInPath, forceLoad: true);
        }
        catch (HttpRequestException e)
        {
            Problem = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>
    /// The sign-in page of the app this panel is shown in (/ops/login, /merchant/login, /rider/login): a panel shared
    /// by two apps (预售, 晒图返现, 社区团购) sends the person back to the one they were using.
    /// </summary>
    private string SignInPath => $"/{Nav.ToBaseRelativePath(Nav.Uri).Split('/', '?', '#')[0]}/login";
}
