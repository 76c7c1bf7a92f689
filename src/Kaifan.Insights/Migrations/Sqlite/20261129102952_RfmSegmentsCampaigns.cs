using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RfmSegmentsCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_campaign_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_campaign_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_campaign_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Targeted = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedNoConsent = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedCooldown = table.Column<int>(type: "INTEGER", nullable: false),
                    Granted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_campaign_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RunAt = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinSpendFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CouponDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CooldownDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScheduleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredUpTo = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_customer_orders",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_customer_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "insights_customer_profiles",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstOrderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastOrderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredOrders = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    SpentFen = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SegmentSince = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_customer_profiles", x => x.CustomerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_campaign_grants_CampaignId_CustomerId_Period",
                table: "insights_campaign_grants",
                columns: new[] { "CampaignId", "CustomerId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_campaign_grants_CustomerId",
                table: "insights_campaign_grants",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_campaign_runs_CampaignId",
                table: "insights_campaign_runs",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_customer_orders_CustomerId_PlacedAt",
                table: "insights_customer_orders",
                columns: new[] { "CustomerId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_customer_profiles_Segment_SegmentSince",
                table: "insights_customer_profiles",
                columns: new[] { "Segment", "SegmentSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_campaign_grants");

            migrationBuilder.DropTable(
                name: "insights_campaign_runs");

            migrationBuilder.DropTable(
                name: "insights_campaigns");

            migrationBuilder.DropTable(
                name: "insights_customer_orders");

            migrationBuilder.DropTable(
                name: "insights_customer_profiles");
        }
    }
}
