using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ShopPromotions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FullReductionOn",
                schema: "catalog",
                table: "catalog_merchants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "NewCustomerFen",
                schema: "catalog",
                table: "catalog_merchants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "NewCustomerOn",
                schema: "catalog",
                table: "catalog_merchants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReductionTiers",
                schema: "catalog",
                table: "catalog_merchants",
                type: "jsonb",
                nullable: true,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FullReductionOn",
                schema: "catalog",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "NewCustomerFen",
                schema: "catalog",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "NewCustomerOn",
                schema: "catalog",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "ReductionTiers",
                schema: "catalog",
                table: "catalog_merchants");
        }
    }
}
