using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GroupDisbandedAndDepartures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisbandedAt",
                schema: "growth",
                table: "growth_groups",
                type: "timestamp with time zone",
                nullable: true);

            // Groups everyone had left were recorded as failed: they were disbanded.
            migrationBuilder.Sql("""
                UPDATE growth.growth_groups SET "Status" = 'Disbanded', "DisbandedAt" = "FailedAt", "FailedAt" = NULL
                WHERE "Status" = 'Failed' AND "Taken" = 0
                """);

            migrationBuilder.CreateTable(
                name: "growth_group_departures",
                schema: "growth",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    WasLeader = table.Column<bool>(type: "boolean", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_group_departures", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_group_departures_CustomerId",
                schema: "growth",
                table: "growth_group_departures",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_group_departures",
                schema: "growth");

            migrationBuilder.Sql("""
                UPDATE growth.growth_groups SET "Status" = 'Failed', "FailedAt" = "DisbandedAt"
                WHERE "Status" = 'Disbanded'
                """);

            migrationBuilder.DropColumn(
                name: "DisbandedAt",
                schema: "growth",
                table: "growth_groups");
        }
    }
}
