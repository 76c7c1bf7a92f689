using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryExceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExceptionCount",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionKind",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionNote",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ExceptionOpen",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ExceptionOverdueAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExceptionReportedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionResolution",
                table: "ordering_orders",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExceptionResolvedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ExceptionRiderId",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_ExceptionOpen_ZoneId",
                table: "ordering_orders",
                columns: new[] { "ExceptionOpen", "ZoneId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_ExceptionOpen_ZoneId",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionCount",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionKind",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionNote",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionOpen",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionOverdueAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionReportedAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionResolution",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionResolvedAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "ExceptionRiderId",
                table: "ordering_orders");
        }
    }
}
