using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RfmNetOfRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_customer_order_refunds",
                columns: table => new
                {
                    RefundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_customer_order_refunds", x => x.RefundId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_customer_order_refunds_OrderId",
                table: "insights_customer_order_refunds",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_customer_order_refunds");
        }
    }
}
