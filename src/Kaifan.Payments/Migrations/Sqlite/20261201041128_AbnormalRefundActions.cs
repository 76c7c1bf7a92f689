using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AbnormalRefundActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotifyPath",
                table: "payments_sandbox_refunds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // Every refund the sandbox booked before had gone through.
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "payments_sandbox_refunds",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Success");

            migrationBuilder.AddColumn<Guid>(
                name: "FirstId",
                table: "payments_refunds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GatewayOutcome",
                table: "payments_refunds",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GatewayRefundId",
                table: "payments_refunds",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HandledAt",
                table: "payments_refunds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandledBy",
                table: "payments_refunds",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotifyPath",
                table: "payments_sandbox_refunds");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "payments_sandbox_refunds");

            migrationBuilder.DropColumn(
                name: "FirstId",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "GatewayOutcome",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "GatewayRefundId",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "HandledAt",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "HandledBy",
                table: "payments_refunds");
        }
    }
}
