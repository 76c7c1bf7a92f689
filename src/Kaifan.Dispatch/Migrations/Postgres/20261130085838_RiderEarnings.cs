using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiderEarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_rider_earnings",
                schema: "dispatch",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DistanceMetres = table.Column<int>(type: "integer", nullable: false),
                    BaseFen = table.Column<long>(type: "bigint", nullable: false),
                    DistanceFen = table.Column<long>(type: "bigint", nullable: false),
                    BadWeatherFen = table.Column<long>(type: "bigint", nullable: false),
                    SpecialCareFen = table.Column<long>(type: "bigint", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_rider_earnings", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_earnings_RiderId_DeliveredAt",
                schema: "dispatch",
                table: "dispatch_rider_earnings",
                columns: new[] { "RiderId", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_rider_earnings",
                schema: "dispatch");
        }
    }
}
