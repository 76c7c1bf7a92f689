using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ShopDiscounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ShopDiscountFen",
                schema: "ordering",
                table: "ordering_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ShopDiscounts",
                schema: "ordering",
                table: "ordering_orders",
                type: "jsonb",
                nullable: true,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ordering_new_customer_claims",
                schema: "ordering",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "ordering_new_customer_claims",
                schema: "ordering");

            migrationBuilder.DropColumn(
                name: "ShopDiscountFen",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ShopDiscounts",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
