using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhotoCashback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_photo_cashback_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinOrderFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinTextLength = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<int>(type: "INTEGER", nullable: false),
                    Paid = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_photo_cashback_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_photo_cashback_claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderPaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TextLength = table.Column<int>(type: "INTEGER", nullable: false),
                    PhotoIds = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_photo_cashback_claims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_campaigns_MerchantId_StartsAt",
                table: "growth_photo_cashback_campaigns",
                columns: new[] { "MerchantId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_claims_CustomerId",
                table: "growth_photo_cashback_claims",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_claims_MerchantId_Status",
                table: "growth_photo_cashback_claims",
                columns: new[] { "MerchantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_claims_OrderId",
                table: "growth_photo_cashback_claims",
                column: "OrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_photo_cashback_campaigns");

            migrationBuilder.DropTable(
                name: "growth_photo_cashback_claims");
        }
    }
}
