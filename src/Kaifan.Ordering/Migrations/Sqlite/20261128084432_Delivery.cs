using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ArrivedAtMerchantAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryMethod",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Locker",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MerchantLatitude",
                table: "ordering_orders",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "MerchantLongitude",
                table: "ordering_orders",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "PickedUpAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PickupCode",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RiderAssignedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_RiderId",
                table: "ordering_orders",
                column: "RiderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_RiderId",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ArrivedAtMerchantAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "DeliveryMethod",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "Locker",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "MerchantLatitude",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "MerchantLongitude",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PickedUpAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PickupCode",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "RiderAssignedAt",
                table: "ordering_orders");
        }
    }
}
