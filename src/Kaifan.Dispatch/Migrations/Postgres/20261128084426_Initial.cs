using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dispatch");

            migrationBuilder.CreateTable(
                name: "dispatch_jobs",
                schema: "dispatch",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantLatitude = table.Column<double>(type: "double precision", nullable: false),
                    MerchantLongitude = table.Column<double>(type: "double precision", nullable: false),
                    DropOffLatitude = table.Column<double>(type: "double precision", nullable: false),
                    DropOffLongitude = table.Column<double>(type: "double precision", nullable: false),
                    ReadyEstimate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StairsNoLift = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefusedBy = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_jobs", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_rider_positions",
                schema: "dispatch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_rider_positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_riders",
                schema: "dispatch",
                columns: table => new
                {
                    RiderId = table.Column<Guid>(type: "uuid", nullable: false),
                    HomeZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    VehicleType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BatteryRangeKm = table.Column<double>(type: "double precision", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    AcceptsStairs = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_riders", x => x.RiderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_jobs_RiderId_Status",
                schema: "dispatch",
                table: "dispatch_jobs",
                columns: new[] { "RiderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_jobs_ZoneId_Status",
                schema: "dispatch",
                table: "dispatch_jobs",
                columns: new[] { "ZoneId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_positions_RiderId_At",
                schema: "dispatch",
                table: "dispatch_rider_positions",
                columns: new[] { "RiderId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_jobs",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "dispatch_rider_positions",
                schema: "dispatch");

            migrationBuilder.DropTable(
                name: "dispatch_riders",
                schema: "dispatch");
        }
    }
}
