namespace Kaifan.Host.DeadLetters;

/// <summary>消息故障: the operators' view of Wolverine's dead letters, and the two ways out of them (ADR 0020).</summary>
internal static class DeadLetterEndpoints
{
    public static void MapKaifanDeadLetters(this IEndpointRouteBuilder api)
    {
        ListDeadLetters.Map(api);
        ReplayDeadLetter.Map(api);
        DiscardDeadLetter.Map(api);
    }
}
