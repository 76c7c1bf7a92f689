using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerWallet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_wallet_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_wallet_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_wallet_top_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GatewayPrepayId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GatewayTransactionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_wallet_top_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_wallets",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_wallets", x => x.CustomerId);
                    table.CheckConstraint("CK_payments_wallets_balance", "\"BalanceFen\" >= 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_entries_CustomerId_At",
                table: "payments_wallet_entries",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_entries_Kind_SourceId",
                table: "payments_wallet_entries",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_top_ups_CustomerId",
                table: "payments_wallet_top_ups",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_top_ups_GatewayPrepayId",
                table: "payments_wallet_top_ups",
                column: "GatewayPrepayId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_wallet_entries");

            migrationBuilder.DropTable(
                name: "payments_wallet_top_ups");

            migrationBuilder.DropTable(
                name: "payments_wallets");
        }
    }
}
