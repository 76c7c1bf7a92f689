using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpendableCoupons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CouponId",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiscountFen",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MinSpendFen",
                table: "ordering_coupons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UsedAt",
                table: "ordering_coupons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UsedByOrderId",
                table: "ordering_coupons",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ordering_coupons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_coupons_UsedByOrderId",
                table: "ordering_coupons",
                column: "UsedByOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_coupons_UsedByOrderId",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "CouponId",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "DiscountFen",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "MinSpendFen",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "UsedAt",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "UsedByOrderId",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ordering_coupons");
        }
    }
}
