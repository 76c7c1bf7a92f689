namespace Kaifan.BuildingBlocks.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where every module keeps its tables: one SQLite file, or one PostgreSQL database with a schema per module.</summary>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString);
