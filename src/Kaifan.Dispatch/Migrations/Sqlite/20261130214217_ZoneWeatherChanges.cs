using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ZoneWeatherChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_zone_weather_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BadWeather = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_zone_weather_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_zone_weather_changes_ZoneId_At",
                table: "dispatch_zone_weather_changes",
                columns: new[] { "ZoneId", "At" });

            // A zone flagged before this table existed keeps its flag as of when it was set.
            migrationBuilder.Sql("""
                INSERT INTO dispatch_zone_weather_changes ("ZoneId", "BadWeather", "At") SELECT "ZoneId", "BadWeather", "UpdatedAt" FROM dispatch_zone_conditions;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_zone_weather_changes");
        }
    }
}
