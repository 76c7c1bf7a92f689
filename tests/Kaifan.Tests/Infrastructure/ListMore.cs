namespace Kaifan.Tests.Infrastructure;

public static class ListMore
{
    /// <summary>What a list answered as a bare array says in its Kaifan-More header; a list without one fails.</summary>
    public static bool More(this HttpResponseMessage response) => bool.Parse(response.Headers.GetValues("Kaifan-More").Single());
}
