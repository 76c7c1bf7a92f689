using System.Collections.Concurrent;
using System.Security.Claims;

namespace Kaifan.Identity.SignIn;

/// <summary>
/// Bearer tokens that passed full validation, remembered until their own expiry, so a rider's phone pinging every
/// few seconds costs a dictionary lookup instead of a signature check and a JSON parse per request. Keyed by the
/// whole token string: a forged or altered token never matches an entry and is validated (and refused) as before.
/// An entry is trusted for a minute at most: then the token is validated again, and with it the check that its account
/// still exists, so an account erased on another host stops working there within a minute (on this host at once,
/// through <see cref="Forget"/>). Bounded: when full it starts over, which costs one validation per token again.
/// </summary>
internal sealed class ValidatedTokens(int capacity = 100_000)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Expires, DateTimeOffset RecheckAt);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int count;

    public bool TryGet(string token, DateTimeOffset now, out ClaimsPrincipal principal, out DateTimeOffset expires)
    {
        if (entries.TryGetValue(token, out var entry))
        {
            if (entry.Expires > now && entry.RecheckAt > now)
            {
                // A copy per request: handlers may add identities or claims to HttpContext.User.
                (principal, expires) = (Copy(entry.Principal), entry.Expires);
                return true;
            }

            if (entries.TryRemove(token, out _))
            {
                Interlocked.Decrement(ref count);
            }
        }

        (principal, expires) = (null!, default);
        return false;
    }

    /// <summary>Identities and claims copied too: ClaimsPrincipal.Clone shares its identities.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    public void Add(string token, ClaimsPrincipal principal, DateTimeOffset expires, DateTimeOffset now)
    {
        if (Interlocked.Increment(ref count) > capacity)
        {
            entries.Clear();
            Interlocked.Exchange(ref count, 1);
        }

        if (!entries.TryAdd(token, new Entry(Copy(principal), expires, now + Recheck)))
        {
            Interlocked.Decrement(ref count);
        }
    }

    /// <summary>Every remembered token of the user, so the next request with one is validated afresh (and refused).</summary>
    public void Forget(Guid userId)
    {
        var id = userId.ToString();
        foreach (var (token, entry) in entries)
        {
            if (entry.Principal.FindFirst(Kaifan.Contracts.KaifanClaims.UserId)?.Value == id && entries.TryRemove(token, out _))
            {
                Interlocked.Decrement(ref count);
            }
        }
    }
}
