using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_refunds_PaymentId",
                table: "payments_refunds");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "payments_refunds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "payments_sandbox_refunds",
                columns: table => new
                {
                    OutRefundNo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OutTradeNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RefundId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_sandbox_refunds", x => x.OutRefundNo);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_refunds_PaymentId",
                table: "payments_refunds",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_sandbox_refunds_OutTradeNo",
                table: "payments_sandbox_refunds",
                column: "OutTradeNo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_sandbox_refunds");

            migrationBuilder.DropIndex(
                name: "IX_payments_refunds_PaymentId",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "payments_refunds");

            migrationBuilder.CreateIndex(
                name: "IX_payments_refunds_PaymentId",
                table: "payments_refunds",
                column: "PaymentId",
                unique: true);
        }
    }
}
