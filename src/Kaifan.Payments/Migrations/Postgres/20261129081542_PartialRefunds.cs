using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_refunds_PaymentId",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "payments",
                table: "payments_refunds",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "payments_sandbox_refunds",
                schema: "payments",
                columns: table => new
                {
                    OutRefundNo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OutTradeNo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RefundId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_sandbox_refunds", x => x.OutRefundNo);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_refunds_PaymentId",
                schema: "payments",
                table: "payments_refunds",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_sandbox_refunds_OutTradeNo",
                schema: "payments",
                table: "payments_sandbox_refunds",
                column: "OutTradeNo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_sandbox_refunds",
                schema: "payments");

            migrationBuilder.DropIndex(
                name: "IX_payments_refunds_PaymentId",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "payments",
                table: "payments_refunds");

            migrationBuilder.CreateIndex(
                name: "IX_payments_refunds_PaymentId",
                schema: "payments",
                table: "payments_refunds",
                column: "PaymentId",
                unique: true);
        }
    }
}
