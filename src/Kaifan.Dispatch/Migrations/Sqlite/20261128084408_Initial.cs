using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_jobs",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantLatitude = table.Column<double>(type: "REAL", nullable: false),
                    MerchantLongitude = table.Column<double>(type: "REAL", nullable: false),
                    DropOffLatitude = table.Column<double>(type: "REAL", nullable: false),
                    DropOffLongitude = table.Column<double>(type: "REAL", nullable: false),
                    ReadyEstimate = table.Column<long>(type: "INTEGER", nullable: false),
                    StairsNoLift = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusedBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_jobs", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_rider_positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_rider_positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_riders",
                columns: table => new
                {
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VehicleType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BatteryRangeKm = table.Column<double>(type: "REAL", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptsStairs = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_riders", x => x.RiderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_jobs_RiderId_Status",
                table: "dispatch_jobs",
                columns: new[] { "RiderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_jobs_ZoneId_Status",
                table: "dispatch_jobs",
                columns: new[] { "ZoneId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_positions_RiderId_At",
                table: "dispatch_rider_positions",
                columns: new[] { "RiderId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_jobs");

            migrationBuilder.DropTable(
                name: "dispatch_rider_positions");

            migrationBuilder.DropTable(
                name: "dispatch_riders");
        }
    }
}
