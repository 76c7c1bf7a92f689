using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GroupDisbandedAndDepartures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DisbandedAt",
                table: "growth_groups",
                type: "INTEGER",
                nullable: true);

            // Groups everyone had left were recorded as failed: they were disbanded.
            migrationBuilder.Sql("""
                UPDATE growth_groups SET "Status" = 'Disbanded', "DisbandedAt" = "FailedAt", "FailedAt" = NULL
                WHERE "Status" = 'Failed' AND "Taken" = 0
                """);

            migrationBuilder.CreateTable(
                name: "growth_group_departures",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WasLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_group_departures", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_group_departures_CustomerId",
                table: "growth_group_departures",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_group_departures");

            migrationBuilder.Sql("""
                UPDATE growth_groups SET "Status" = 'Failed', "FailedAt" = "DisbandedAt"
                WHERE "Status" = 'Disbanded'
                """);

            migrationBuilder.DropColumn(
                name: "DisbandedAt",
                table: "growth_groups");
        }
    }
}
