using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LockerId",
                schema: "ordering",
                table: "ordering_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LockerName",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PromisedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServiceFeeFen",
                schema: "ordering",
                table: "ordering_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ServiceTier",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<bool>(
                name: "SpecialCare",
                schema: "ordering",
                table: "ordering_orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ordering_coupons",
                schema: "ordering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Used = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_coupons", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_coupons_CustomerId_IssuedAt",
                schema: "ordering",
                table: "ordering_coupons",
                columns: new[] { "CustomerId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_coupons_OrderId",
                schema: "ordering",
                table: "ordering_coupons",
                column: "OrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_coupons",
                schema: "ordering");

            migrationBuilder.DropColumn(
                name: "LockerId",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "LockerName",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PromisedAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ServiceFeeFen",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ServiceTier",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "SpecialCare",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
