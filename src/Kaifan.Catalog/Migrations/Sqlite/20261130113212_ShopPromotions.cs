using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShopPromotions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FullReductionOn",
                table: "catalog_merchants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "NewCustomerFen",
                table: "catalog_merchants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "NewCustomerOn",
                table: "catalog_merchants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReductionTiers",
                table: "catalog_merchants",
                type: "TEXT",
                nullable: true,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FullReductionOn",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "NewCustomerFen",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "NewCustomerOn",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "ReductionTiers",
                table: "catalog_merchants");
        }
    }
}
