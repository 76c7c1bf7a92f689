using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShopDiscounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ShopDiscountFen",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ShopDiscounts",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ordering_new_customer_claims",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_new_customer_claims", x => new { x.CustomerId, x.MerchantId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_new_customer_claims");

            migrationBuilder.DropColumn(
                name: "ShopDiscountFen",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ShopDiscounts",
                table: "ordering_orders");
        }
    }
}
