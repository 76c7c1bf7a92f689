using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LockerId",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LockerName",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PromisedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServiceFeeFen",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ServiceTier",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<bool>(
                name: "SpecialCare",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ordering_coupons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_coupons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_coupons_CustomerId_IssuedAt",
                table: "ordering_coupons",
                columns: new[] { "CustomerId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_coupons_OrderId",
                table: "ordering_coupons",
                column: "OrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "LockerId",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "LockerName",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PromisedAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ServiceFeeFen",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ServiceTier",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "SpecialCare",
                table: "ordering_orders");
        }
    }
}
