using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Bargains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_bargain_campaigns",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DishId = table.Column<Guid>(type: "uuid", nullable: false),
                    DishName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OriginalPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    FloorPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    HelpersNeeded = table.Column<int>(type: "integer", nullable: false),
                    HoursToBargain = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CouponDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Tiers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargain_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_bargain_cuts",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BargainId = table.Column<Guid>(type: "uuid", nullable: false),
                    HelperId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    CutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargain_cuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_bargain_rewards",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BargainId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CutPercent = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinSpendFen = table.Column<long>(type: "bigint", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargain_rewards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_bargains",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActiveCampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    OriginalPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    FloorPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    HelpersNeeded = table.Column<int>(type: "integer", nullable: false),
                    Helpers = table.Column<int>(type: "integer", nullable: false),
                    CutFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargains", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_campaigns_EndsAt",
                schema: "growth",
                table: "growth_bargain_campaigns",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_cuts_BargainId_HelperId",
                schema: "growth",
                table: "growth_bargain_cuts",
                columns: new[] { "BargainId", "HelperId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_cuts_BargainId_Sequence",
                schema: "growth",
                table: "growth_bargain_cuts",
                columns: new[] { "BargainId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_cuts_HelperId",
                schema: "growth",
                table: "growth_bargain_cuts",
                column: "HelperId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_rewards_BargainId_CutPercent",
                schema: "growth",
                table: "growth_bargain_rewards",
                columns: new[] { "BargainId", "CutPercent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_rewards_CustomerId",
                schema: "growth",
                table: "growth_bargain_rewards",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargains_ActiveCampaignId_CustomerId",
                schema: "growth",
                table: "growth_bargains",
                columns: new[] { "ActiveCampaignId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargains_CampaignId_Status",
                schema: "growth",
                table: "growth_bargains",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargains_CustomerId",
                schema: "growth",
                table: "growth_bargains",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_bargain_campaigns",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_bargain_cuts",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_bargain_rewards",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_bargains",
                schema: "growth");
        }
    }
}
