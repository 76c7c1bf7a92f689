using Microsoft.EntityFrameworkCore;

namespace Kaifan.Insights.Segments;

internal static class RowLock
{
    /// <summary>
    /// Creates the row if missing and holds it (an upsert takes the row lock) until the transaction ends. The table and
    /// column come from the model, never from input; the key goes in as a parameter.
    /// </summary>
    public static Task UpsertAsync(InsightsDb db, Type entityType, string keyColumn, Guid key, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(entityType)!;
        var table = entity.GetSchema() is { } schema && !db.Database.IsSqlite() ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        object value = db.Database.IsSqlite() ? key.ToString().ToUpperInvariant() : key;
        var sql = $"INSERT INTO {table} (\"{keyColumn}\") VALUES ({{0}}) ON CONFLICT (\"{keyColumn}\") DO UPDATE SET \"{keyColumn}\" = excluded.\"{keyColumn}\"";
        return db.Database.ExecuteSqlRawAsync(sql, [value], ct);
    }
}
