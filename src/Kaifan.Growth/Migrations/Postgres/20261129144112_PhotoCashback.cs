using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhotoCashback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_photo_cashback_campaigns",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinOrderFen = table.Column<long>(type: "bigint", nullable: false),
                    MinTextLength = table.Column<int>(type: "integer", nullable: false),
                    Budget = table.Column<int>(type: "integer", nullable: false),
                    Paid = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OfferedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_photo_cashback_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_photo_cashback_claims",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    OrderPaidFen = table.Column<long>(type: "bigint", nullable: false),
                    TextLength = table.Column<int>(type: "integer", nullable: false),
                    PhotoIds = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RejectReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_photo_cashback_claims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_campaigns_MerchantId_StartsAt",
                schema: "growth",
                table: "growth_photo_cashback_campaigns",
                columns: new[] { "MerchantId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_claims_CustomerId",
                schema: "growth",
                table: "growth_photo_cashback_claims",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_claims_MerchantId_Status",
                schema: "growth",
                table: "growth_photo_cashback_claims",
                columns: new[] { "MerchantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_growth_photo_cashback_claims_OrderId",
                schema: "growth",
                table: "growth_photo_cashback_claims",
                column: "OrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_photo_cashback_campaigns",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_photo_cashback_claims",
                schema: "growth");
        }
    }
}
