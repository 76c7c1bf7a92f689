using System.Text;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Npgsql;

namespace Kaifan.Tests;

/// <summary>Reads the raw storage, as a thief with the disk would, looking for any seeded phone number.</summary>
public abstract class PersonalDataAtRestTests(LunchtimeApp app)
{
    private static readonly string[] SeededPhones =
    [
        .. Enumerable.Range(1, DemoCampus.CustomerCount).Select(DemoCampus.CustomerPhone),
        .. Enumerable.Range(1, DemoCampus.MerchantCount).Select(DemoCampus.MerchantPhone),
        .. Enumerable.Range(1, DemoCampus.RiderCount).Select(DemoCampus.RiderPhone),
        DemoCampus.OperatorPhone,
    ];

    [Fact]
    public async Task no_seeded_phone_number_is_stored_in_plain_text_even_in_orders()
    {
        var order = await Ordering.OrderingKit.PlacedAsync(app.Client(TestTokens.Customer(1)), Ordering.OrderingKit.BeefRiceAndTea(1));
        order["address"]!["phone"]!.GetValue<string>().ShouldBe(DemoCampus.CustomerPhone(1));

        var stored = await ReadEverythingStoredAsync();

        stored.Length.ShouldBeGreaterThan(1000);
        stored.ShouldContain("identity_users", Case.Insensitive);
        stored.ShouldContain("ordering_orders", Case.Insensitive);
        foreach (var phone in SeededPhones)
        {
            stored.ShouldNotContain(phone);
        }
    }

    private async Task<string> ReadEverythingStoredAsync()
    {
        if (app.Provider == Provider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            var text = new StringBuilder();
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                text.Append(await reader.ReadToEndAsync());
            }

            return text.ToString();
        }

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var all = new StringBuilder(string.Join('\n', tables));
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                all.AppendLine(reader.GetString(0));
            }
        }

        return all.ToString();
    }
}

public sealed class PersonalDataAtRestOnSqlite(LunchtimeSqliteApp app) : PersonalDataAtRestTests(app), IClassFixture<LunchtimeSqliteApp>;

public sealed class PersonalDataAtRestOnPostgres(LunchtimePostgresApp app) : PersonalDataAtRestTests(app), IClassFixture<LunchtimePostgresApp>;
