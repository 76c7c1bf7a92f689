using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiderOnlineState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "LastLatitude",
                schema: "dispatch",
                table: "dispatch_riders",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "LastLongitude",
                schema: "dispatch",
                table: "dispatch_riders",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastSeenAt",
                schema: "dispatch",
                table: "dispatch_riders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OnlineZoneId",
                schema: "dispatch",
                table: "dispatch_riders",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastLatitude",
                schema: "dispatch",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "LastLongitude",
                schema: "dispatch",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                schema: "dispatch",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "OnlineZoneId",
                schema: "dispatch",
                table: "dispatch_riders");
        }
    }
}
