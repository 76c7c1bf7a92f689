using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PresaleOptionsAndZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OptionIds",
                table: "growth_presales",
                type: "TEXT",
                maxLength: 370,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ZoneId",
                table: "growth_presales",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_growth_presales_ZoneId_Status_CutoffAt",
                table: "growth_presales",
                columns: new[] { "ZoneId", "Status", "CutoffAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_growth_presales_ZoneId_Status_CutoffAt",
                table: "growth_presales");

            migrationBuilder.DropColumn(
                name: "OptionIds",
                table: "growth_presales");

            migrationBuilder.DropColumn(
                name: "ZoneId",
                table: "growth_presales");
        }
    }
}
