using Kaifan.Identity;
using Kaifan.Identity.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Tests.Infrastructure;

/// <summary>
/// What someone with the database owner's rights can do to the audit log: lift the append-only triggers, change rows,
/// and put the triggers back so nothing looks touched.
/// </summary>
internal static class AuditTampering
{
    public static async Task AsDatabaseOwnerAsync(KaifanApp app, Func<IdentityDb, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var sqlite = app.Provider == Provider.Sqlite;
        await db.Database.ExecuteSqlRawAsync(sqlite ? AuditAppendOnly.SqliteDrop : AuditAppendOnly.PostgresDrop);
        try
        {
            await change(db);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(sqlite ? AuditAppendOnly.SqliteCreate : AuditAppendOnly.PostgresCreate);
        }
    }
}
