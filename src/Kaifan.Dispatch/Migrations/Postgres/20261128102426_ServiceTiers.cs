using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CustomerId",
                schema: "dispatch",
                table: "dispatch_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HoldUntil",
                schema: "dispatch",
                table: "dispatch_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlacedAt",
                schema: "dispatch",
                table: "dispatch_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SpecialCare",
                schema: "dispatch",
                table: "dispatch_jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "dispatch_batch_lines",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CentreLatitude = table.Column<double>(type: "double precision", nullable: false),
                    CentreLongitude = table.Column<double>(type: "double precision", nullable: false),
                    RadiusMetres = table.Column<double>(type: "double precision", nullable: false),
                    Departures = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_batch_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_customer_order_values",
                schema: "dispatch",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_customer_order_values", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_zone_conditions",
                schema: "dispatch",
                columns: table => new
                {
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    BadWeather = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_zone_conditions", x => x.ZoneId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_batch_lines_ZoneId",
                schema: "dispatch",
                table: "dispatch_batch_lines",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_customer_order_values_ZoneId_PlacedAt",
                schema: "dispatch",
                table: "dispatch_customer_order_values",
                columns: new[] { "ZoneId", "PlacedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_batch_lines",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "dispatch_customer_order_values",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "dispatch_zone_conditions",
                schema: "dispatch");

            migrationBuilder.DropColumn(
                name: "CustomerId",
                schema: "dispatch",
                table: "dispatch_jobs");

            migrationBuilder.DropColumn(
                name: "HoldUntil",
                schema: "dispatch",
                table: "dispatch_jobs");

            migrationBuilder.DropColumn(
                name: "PlacedAt",
                schema: "dispatch",
                table: "dispatch_jobs");

            migrationBuilder.DropColumn(
                name: "SpecialCare",
                schema: "dispatch",
                table: "dispatch_jobs");
        }
    }
}
