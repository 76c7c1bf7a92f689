using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaifan.BuildingBlocks.Storage;

public static class UniqueViolation
{
    /// <summary>
    /// True only when a unique index refused the row. A busy or failing database also throws DbUpdateException,
    /// and treating that as "someone else got there first" would answer a lie instead of an error.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
