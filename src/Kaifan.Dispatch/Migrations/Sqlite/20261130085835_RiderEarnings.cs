using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiderEarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_rider_earnings",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DistanceMetres = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseFen = table.Column<long>(type: "INTEGER", nullable: false),
                    DistanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BadWeatherFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecialCareFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_rider_earnings", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_earnings_RiderId_DeliveredAt",
                table: "dispatch_rider_earnings",
                columns: new[] { "RiderId", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_rider_earnings");
        }
    }
}
