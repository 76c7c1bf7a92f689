using Kaifan.Contracts.Queries;

namespace Kaifan.Identity.Users;

/// <summary>
/// Every module's part of erasing a person, asked in one order by both ways an account ends: the person's 注销 and the
/// station's 离职 (offboarding). Nothing is erased until no module objects.
/// </summary>
internal static class ModuleErasures
{
    public static async Task<ErasureBlocker?> FirstBlockerAsync(this IEnumerable<IPersonalDataErasure> modules, Guid userId, CancellationToken ct)
    {
        foreach (var erasure in modules)
        {
            if (await erasure.BlockerAsync(userId, ct) is { } blocker)
            {
                return blocker;
            }
        }

        return null;
    }

    public static async Task EraseAllAsync(this IEnumerable<IPersonalDataErasure> modules, Guid userId, CancellationToken ct)
    {
        foreach (var erasure in modules)
        {
            await erasure.EraseAsync(userId, ct);
        }
    }
}
