using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RfmSegmentsCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_campaign_grants",
                schema: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<long>(type: "bigint", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_campaign_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_campaign_runs",
                schema: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Targeted = table.Column<int>(type: "integer", nullable: false),
                    SkippedNoConsent = table.Column<int>(type: "integer", nullable: false),
                    SkippedCooldown = table.Column<int>(type: "integer", nullable: false),
                    Granted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_campaign_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_campaigns",
                schema: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Segment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RunAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    NextRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinSpendFen = table.Column<long>(type: "bigint", nullable: false),
                    CouponDays = table.Column<int>(type: "integer", nullable: false),
                    CooldownDays = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    ScheduleVersion = table.Column<int>(type: "integer", nullable: false),
                    EnteredUpTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_customer_orders",
                schema: "insights",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaidFen = table.Column<long>(type: "bigint", nullable: true),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_customer_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "insights_customer_profiles",
                schema: "insights",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstOrderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastOrderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredOrders = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    SpentFen = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    Segment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SegmentSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_customer_profiles", x => x.CustomerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_campaign_grants_CampaignId_CustomerId_Period",
                schema: "insights",
                table: "insights_campaign_grants",
                columns: new[] { "CampaignId", "CustomerId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_campaign_grants_CustomerId",
                schema: "insights",
                table: "insights_campaign_grants",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_campaign_runs_CampaignId",
                schema: "insights",
                table: "insights_campaign_runs",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_customer_orders_CustomerId_PlacedAt",
                schema: "insights",
                table: "insights_customer_orders",
                columns: new[] { "CustomerId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_customer_profiles_Segment_SegmentSince",
                schema: "insights",
                table: "insights_customer_profiles",
                columns: new[] { "Segment", "SegmentSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_campaign_grants",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_campaign_runs",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_campaigns",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_customer_orders",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_customer_profiles",
                schema: "insights");
        }
    }
}
