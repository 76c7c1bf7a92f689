using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaifan.Payments.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CustomerWallet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_wallet_entries",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_wallet_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_wallet_top_ups",
                schema: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GatewayPrepayId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GatewayTransactionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_wallet_top_ups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments_wallets",
                schema: "payments",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    BalanceFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_wallets", x => x.CustomerId);
                    table.CheckConstraint("CK_payments_wallets_balance", "\"BalanceFen\" >= 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_entries_CustomerId_At",
                schema: "payments",
                table: "payments_wallet_entries",
                columns: new[] { "CustomerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_entries_Kind_SourceId",
                schema: "payments",
                table: "payments_wallet_entries",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_top_ups_CustomerId",
                schema: "payments",
                table: "payments_wallet_top_ups",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_wallet_top_ups_GatewayPrepayId",
                schema: "payments",
                table: "payments_wallet_top_ups",
                column: "GatewayPrepayId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_wallet_entries",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "payments_wallet_top_ups",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "payments_wallets",
                schema: "payments");
        }
    }
}
