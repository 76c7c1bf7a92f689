using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Presales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PresaleConfirmedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PresaleCutoffAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PresaleDeliverAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PresaleId",
                schema: "ordering",
                table: "ordering_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PresaleReleasedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PresaleConfirmedAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleCutoffAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleDeliverAt",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleId",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleReleasedAt",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
