using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ordering_idempotency_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_idempotency_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ordering_order_numbers",
                columns: table => new
                {
                    Day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_order_numbers", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "ordering_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemsTotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PackagingFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveryFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalCalories = table.Column<int>(type: "INTEGER", nullable: false),
                    AddressId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactNameProtected = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PhoneProtected = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AddressDetailProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    StairsNoLift = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CutleryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PrepMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_orders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_idempotency_records_CustomerId_Key",
                table: "ordering_idempotency_records",
                columns: new[] { "CustomerId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_CustomerId_PlacedAt",
                table: "ordering_orders",
                columns: new[] { "CustomerId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_MerchantId_PlacedAt",
                table: "ordering_orders",
                columns: new[] { "MerchantId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_Number",
                table: "ordering_orders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_PlacedAt",
                table: "ordering_orders",
                column: "PlacedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_idempotency_records");

            migrationBuilder.DropTable(
                name: "ordering_order_numbers");

            migrationBuilder.DropTable(
                name: "ordering_orders");
        }
    }
}
