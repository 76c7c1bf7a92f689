using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GroupBuyOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "GroupBuyId",
                schema: "ordering",
                table: "ordering_orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GroupFormedAt",
                schema: "ordering",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GroupBuyId",
                schema: "ordering",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "GroupFormedAt",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
