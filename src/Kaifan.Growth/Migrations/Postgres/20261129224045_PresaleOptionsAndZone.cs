using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PresaleOptionsAndZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ItemName",
                schema: "growth",
                table: "growth_presales",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "OptionIds",
                schema: "growth",
                table: "growth_presales",
                type: "character varying(370)",
                maxLength: 370,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ZoneId",
                schema: "growth",
                table: "growth_presales",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_growth_presales_ZoneId_Status_CutoffAt",
                schema: "growth",
                table: "growth_presales",
                columns: new[] { "ZoneId", "Status", "CutoffAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_growth_presales_ZoneId_Status_CutoffAt",
                schema: "growth",
                table: "growth_presales");

            migrationBuilder.DropColumn(
                name: "OptionIds",
                schema: "growth",
                table: "growth_presales");

            migrationBuilder.DropColumn(
                name: "ZoneId",
                schema: "growth",
                table: "growth_presales");

            migrationBuilder.AlterColumn<string>(
                name: "ItemName",
                schema: "growth",
                table: "growth_presales",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);
        }
    }
}
