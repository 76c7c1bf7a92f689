using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArrivedAtMerchantAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryMethod",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Locker",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MerchantLatitude",
                schema: "ordering",
                table: "ordering_orders",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "MerchantLongitude",
                schema: "ordering",
                table: "ordering_orders",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PickedUpAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PickupCode",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RiderAssignedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_RiderId",
                schema: "ordering",
                table: "ordering_orders",
                column: "RiderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_RiderId",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ArrivedAtMerchantAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "DeliveryMethod",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "Locker",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "MerchantLatitude",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "MerchantLongitude",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PickedUpAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PickupCode",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "RiderAssignedAt",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
