using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunityOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_communities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MerchantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_coupon_claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_coupon_claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_coupon_packs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinSpendFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Budget = table.Column<int>(type: "INTEGER", nullable: false),
                    Claimed = table.Column<int>(type: "INTEGER", nullable: false),
                    CouponDays = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_coupon_packs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_prices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ListPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    LimitPerOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_prices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_communities_Code",
                table: "growth_communities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_communities_MerchantId",
                table: "growth_communities",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_coupon_claims_CustomerId",
                table: "growth_community_coupon_claims",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_coupon_claims_PackId_CustomerId",
                table: "growth_community_coupon_claims",
                columns: new[] { "PackId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_coupon_packs_CommunityId",
                table: "growth_community_coupon_packs",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_members_CommunityId_CustomerId",
                table: "growth_community_members",
                columns: new[] { "CommunityId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_members_CustomerId",
                table: "growth_community_members",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_prices_CommunityId",
                table: "growth_community_prices",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_prices_MerchantId_CommunityId",
                table: "growth_community_prices",
                columns: new[] { "MerchantId", "CommunityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_communities");

            migrationBuilder.DropTable(
                name: "growth_community_coupon_claims");

            migrationBuilder.DropTable(
                name: "growth_community_coupon_packs");

            migrationBuilder.DropTable(
                name: "growth_community_members");

            migrationBuilder.DropTable(
                name: "growth_community_prices");
        }
    }
}
