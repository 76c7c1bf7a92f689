using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bargains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_bargain_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DishId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DishName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FloorPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpersNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursToBargain = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CouponDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Tiers = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargain_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_bargain_cuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BargainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HelperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CutAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargain_cuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_bargain_rewards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BargainId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CutPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinSpendFen = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargain_rewards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_bargains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActiveCampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OriginalPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FloorPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpersNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    Helpers = table.Column<int>(type: "INTEGER", nullable: false),
                    CutFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_bargains", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_campaigns_EndsAt",
                table: "growth_bargain_campaigns",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_cuts_BargainId_HelperId",
                table: "growth_bargain_cuts",
                columns: new[] { "BargainId", "HelperId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_cuts_BargainId_Sequence",
                table: "growth_bargain_cuts",
                columns: new[] { "BargainId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_cuts_HelperId",
                table: "growth_bargain_cuts",
                column: "HelperId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_rewards_BargainId_CutPercent",
                table: "growth_bargain_rewards",
                columns: new[] { "BargainId", "CutPercent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargain_rewards_CustomerId",
                table: "growth_bargain_rewards",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargains_ActiveCampaignId_CustomerId",
                table: "growth_bargains",
                columns: new[] { "ActiveCampaignId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargains_CampaignId_Status",
                table: "growth_bargains",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_growth_bargains_CustomerId",
                table: "growth_bargains",
                column: "CustomerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_bargain_campaigns");

            migrationBuilder.DropTable(
                name: "growth_bargain_cuts");

            migrationBuilder.DropTable(
                name: "growth_bargain_rewards");

            migrationBuilder.DropTable(
                name: "growth_bargains");
        }
    }
}
