using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SpendableCoupons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CouponId",
                schema: "ordering",
                table: "ordering_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiscountFen",
                schema: "ordering",
                table: "ordering_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MinSpendFen",
                schema: "ordering",
                table: "ordering_coupons",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UsedAt",
                schema: "ordering",
                table: "ordering_coupons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UsedByOrderId",
                schema: "ordering",
                table: "ordering_coupons",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "ordering",
                table: "ordering_coupons",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_coupons_UsedByOrderId",
                schema: "ordering",
                table: "ordering_coupons",
                column: "UsedByOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_coupons_UsedByOrderId",
                schema: "ordering",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "CouponId",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "DiscountFen",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "MinSpendFen",
                schema: "ordering",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "UsedAt",
                schema: "ordering",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "UsedByOrderId",
                schema: "ordering",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "ordering",
                table: "ordering_coupons");
        }
    }
}
