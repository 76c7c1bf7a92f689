using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunityOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_communities",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: true),
                    MerchantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: true),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_coupon_claims",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_coupon_claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_coupon_packs",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinSpendFen = table.Column<long>(type: "bigint", nullable: false),
                    Budget = table.Column<int>(type: "integer", nullable: false),
                    Claimed = table.Column<int>(type: "integer", nullable: false),
                    CouponDays = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_coupon_packs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_members",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_community_prices",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ListPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    MemberPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    LimitPerOrder = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_community_prices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_communities_Code",
                schema: "growth",
                table: "growth_communities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_communities_MerchantId",
                schema: "growth",
                table: "growth_communities",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_coupon_claims_CustomerId",
                schema: "growth",
                table: "growth_community_coupon_claims",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_coupon_claims_PackId_CustomerId",
                schema: "growth",
                table: "growth_community_coupon_claims",
                columns: new[] { "PackId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_coupon_packs_CommunityId",
                schema: "growth",
                table: "growth_community_coupon_packs",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_members_CommunityId_CustomerId",
                schema: "growth",
                table: "growth_community_members",
                columns: new[] { "CommunityId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_members_CustomerId",
                schema: "growth",
                table: "growth_community_members",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_prices_CommunityId",
                schema: "growth",
                table: "growth_community_prices",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_community_prices_MerchantId_CommunityId",
                schema: "growth",
                table: "growth_community_prices",
                columns: new[] { "MerchantId", "CommunityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_communities",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_community_coupon_claims",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_community_coupon_packs",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_community_members",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_community_prices",
                schema: "growth");
        }
    }
}
