using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ordering");

            migrationBuilder.CreateTable(
                name: "ordering_idempotency_records",
                schema: "ordering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResponseStatus = table.Column<int>(type: "integer", nullable: true),
                    ResponseBody = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_idempotency_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ordering_order_numbers",
                schema: "ordering",
                columns: table => new
                {
                    Day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_order_numbers", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "ordering_orders",
                schema: "ordering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemsTotalFen = table.Column<long>(type: "bigint", nullable: false),
                    PackagingFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    DeliveryFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    TotalCalories = table.Column<int>(type: "integer", nullable: false),
                    AddressId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactNameProtected = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PhoneProtected = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AddressDetailProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    StairsNoLift = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CutleryCount = table.Column<int>(type: "integer", nullable: false),
                    PrepMinutes = table.Column<int>(type: "integer", nullable: true),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaymentDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReadyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_orders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_idempotency_records_CustomerId_Key",
                schema: "ordering",
                table: "ordering_idempotency_records",
                columns: new[] { "CustomerId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_CustomerId_PlacedAt",
                schema: "ordering",
                table: "ordering_orders",
                columns: new[] { "CustomerId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_MerchantId_PlacedAt",
                schema: "ordering",
                table: "ordering_orders",
                columns: new[] { "MerchantId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_Number",
                schema: "ordering",
                table: "ordering_orders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_PlacedAt",
                schema: "ordering",
                table: "ordering_orders",
                column: "PlacedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_idempotency_records",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "ordering_order_numbers",
                schema: "ordering");

            migrationBuilder.DropTable(
                name: "ordering_orders",
                schema: "ordering");
        }
    }
}
