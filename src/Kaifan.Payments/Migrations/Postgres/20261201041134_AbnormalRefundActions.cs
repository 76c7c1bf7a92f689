using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AbnormalRefundActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotifyPath",
                schema: "payments",
                table: "payments_sandbox_refunds",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Every refund the sandbox booked before had gone through.
            migrationBuilder.AddColumn<string>(
                name: "Status",
                schema: "payments",
                table: "payments_sandbox_refunds",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Success");

            migrationBuilder.AddColumn<Guid>(
                name: "FirstId",
                schema: "payments",
                table: "payments_refunds",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GatewayOutcome",
                schema: "payments",
                table: "payments_refunds",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GatewayRefundId",
                schema: "payments",
                table: "payments_refunds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HandledAt",
                schema: "payments",
                table: "payments_refunds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandledBy",
                schema: "payments",
                table: "payments_refunds",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotifyPath",
                schema: "payments",
                table: "payments_sandbox_refunds");

            migrationBuilder.DropColumn(
                name: "Status",
                schema: "payments",
                table: "payments_sandbox_refunds");

            migrationBuilder.DropColumn(
                name: "FirstId",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "GatewayOutcome",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "GatewayRefundId",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "HandledAt",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "HandledBy",
                schema: "payments",
                table: "payments_refunds");
        }
    }
}
