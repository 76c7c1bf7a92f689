using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CouponWithdrawals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "GrantPending",
                schema: "ordering",
                table: "ordering_coupons",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                schema: "ordering",
                table: "ordering_coupons",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GrantPending",
                schema: "ordering",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                schema: "ordering",
                table: "ordering_coupons");
        }
    }
}
