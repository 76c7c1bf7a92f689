using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UrgeFromPromise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveryPromisedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QuotedArrivalAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            // 准时宝 orders already kept Tracking's first promise: 催单 opens there too.
            migrationBuilder.Sql("""UPDATE ordering.ordering_orders SET "DeliveryPromisedAt" = "PromisedAt" WHERE "PromisedAt" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveryPromisedAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "QuotedArrivalAt",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
