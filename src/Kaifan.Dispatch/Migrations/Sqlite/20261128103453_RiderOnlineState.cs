using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiderOnlineState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "LastLatitude",
                table: "dispatch_riders",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "LastLongitude",
                table: "dispatch_riders",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "dispatch_riders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OnlineZoneId",
                table: "dispatch_riders",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastLatitude",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "LastLongitude",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "OnlineZoneId",
                table: "dispatch_riders");
        }
    }
}
