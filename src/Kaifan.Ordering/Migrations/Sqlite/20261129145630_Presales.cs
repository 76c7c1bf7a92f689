using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Presales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PresaleConfirmedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PresaleCutoffAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PresaleDeliverAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PresaleId",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PresaleReleasedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PresaleConfirmedAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleCutoffAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleDeliverAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleId",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "PresaleReleasedAt",
                table: "ordering_orders");
        }
    }
}
