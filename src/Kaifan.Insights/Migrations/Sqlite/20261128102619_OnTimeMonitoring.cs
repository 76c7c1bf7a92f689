using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OnTimeMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_ontime_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WindowSlot = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Rate = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    MainCause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Causes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_ontime_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_order_timelines",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StatedPrepMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ReadyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RiderAssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivedAtMerchantAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PickedUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivedAtCustomerAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveryMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PromisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PromisedPrepMinutes = table.Column<double>(type: "REAL", nullable: true),
                    PromisedPrepSource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PromisedToMerchantMinutes = table.Column<double>(type: "REAL", nullable: true),
                    PromisedPickupServiceMinutes = table.Column<double>(type: "REAL", nullable: true),
                    PromisedTravelMinutes = table.Column<double>(type: "REAL", nullable: true),
                    PromisedDropOffServiceMinutes = table.Column<double>(type: "REAL", nullable: true),
                    LateMinutes = table.Column<double>(type: "REAL", nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_order_timelines", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_ontime_alerts_RaisedAt",
                table: "insights_ontime_alerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_insights_ontime_alerts_ZoneId_WindowSlot",
                table: "insights_ontime_alerts",
                columns: new[] { "ZoneId", "WindowSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_order_timelines_MerchantId_AcceptedAt",
                table: "insights_order_timelines",
                columns: new[] { "MerchantId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_order_timelines_ZoneId_DeliveredAt",
                table: "insights_order_timelines",
                columns: new[] { "ZoneId", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_ontime_alerts");

            migrationBuilder.DropTable(
                name: "insights_order_timelines");
        }
    }
}
