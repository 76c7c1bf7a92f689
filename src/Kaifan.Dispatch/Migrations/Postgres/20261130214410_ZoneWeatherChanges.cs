using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ZoneWeatherChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_zone_weather_changes",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    BadWeather = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_zone_weather_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_zone_weather_changes_ZoneId_At",
                schema: "dispatch",
                table: "dispatch_zone_weather_changes",
                columns: new[] { "ZoneId", "At" });

            // A zone flagged before this table existed keeps its flag as of when it was set.
            migrationBuilder.Sql("""
                INSERT INTO dispatch.dispatch_zone_weather_changes ("ZoneId", "BadWeather", "At") SELECT "ZoneId", "BadWeather", "UpdatedAt" FROM dispatch.dispatch_zone_conditions;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_zone_weather_changes",
                schema: "dispatch");
        }
    }
}
