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

    /// <summary>
    /// True while a call runs; the panel's buttons and inputs wait on it. A count, not a flag: a panel that rereads on a
    /// timer may start a read while a click's call is still out, and the read's end must not free the buttons early.
    /// </summary>
    protected bool Busy => running > 0;

    private int running;

    /// <summary>The message shown above the panel: a refusal the API gave, or why the call got no answer.</summary>
    protected string? Problem { get; set; }

    protected async Task RunAsync(Func<Task> work)
    {
        running++;
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
            Problem = NoAnswer(e);
        }
        finally
        {
            running--;
        }
    }

    /// <summary>What <see cref="Problem"/> says when a call got no answer: the error itself for staff at a desk; the rider
    /// app's panels, on a phone whose network comes and goes, say so in words.</summary>
    protected virtual string NoAnswer(HttpRequestException e) => e.Message;

    /// <summary>
    /// The sign-in page of the app this panel is shown in (/ops/login, /merchant/login, /rider/login): a panel shared
    /// by two apps (预售, 晒图返现, 社区团购) sends the person back to the one they were using.
    /// </summary>
    private string SignInPath => $"/{Nav.ToBaseRelativePath(Nav.Uri).Split('/', '?', '#')[0]}/login";
}
