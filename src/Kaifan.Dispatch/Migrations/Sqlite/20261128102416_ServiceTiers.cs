using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CustomerId",
                table: "dispatch_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HoldUntil",
                table: "dispatch_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlacedAt",
                table: "dispatch_jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SpecialCare",
                table: "dispatch_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "dispatch_batch_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CentreLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentreLongitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<double>(type: "REAL", nullable: false),
                    Departures = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_batch_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_customer_order_values",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_customer_order_values", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_zone_conditions",
                columns: table => new
                {
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BadWeather = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_zone_conditions", x => x.ZoneId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_batch_lines_ZoneId",
                table: "dispatch_batch_lines",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_customer_order_values_ZoneId_PlacedAt",
                table: "dispatch_customer_order_values",
                columns: new[] { "ZoneId", "PlacedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_batch_lines");

            migrationBuilder.DropTable(
                name: "dispatch_customer_order_values");

            migrationBuilder.DropTable(
                name: "dispatch_zone_conditions");

            migrationBuilder.DropColumn(
                name: "CustomerId",
                table: "dispatch_jobs");

            migrationBuilder.DropColumn(
                name: "HoldUntil",
                table: "dispatch_jobs");

            migrationBuilder.DropColumn(
                name: "PlacedAt",
                table: "dispatch_jobs");

            migrationBuilder.DropColumn(
                name: "SpecialCare",
                table: "dispatch_jobs");
        }
    }
}
