using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeliveryExceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExceptionCount",
                schema: "ordering",
                table: "ordering_orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionKind",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionNote",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExceptionOpen",
                schema: "ordering",
                table: "ordering_orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExceptionOverdueAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExceptionReportedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionResolution",
                schema: "ordering",
                table: "ordering_orders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExceptionResolvedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExceptionRiderId",
                schema: "ordering",
                table: "ordering_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_ExceptionOpen_ZoneId",
                schema: "ordering",
                table: "ordering_orders",
                columns: new[] { "ExceptionOpen", "ZoneId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_ExceptionOpen_ZoneId",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionCount",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionKind",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionNote",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionOpen",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionOverdueAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionReportedAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionResolution",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionResolvedAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionRiderId",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
