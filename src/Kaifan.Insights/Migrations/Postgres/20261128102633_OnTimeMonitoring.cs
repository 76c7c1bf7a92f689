using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OnTimeMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "insights");

            migrationBuilder.CreateTable(
                name: "insights_ontime_alerts",
                schema: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowSlot = table.Column<long>(type: "bigint", nullable: false),
                    WindowFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Delivered = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Rate = table.Column<double>(type: "double precision", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    MainCause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Causes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_ontime_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_order_timelines",
                schema: "insights",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: true),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatedPrepMinutes = table.Column<int>(type: "integer", nullable: true),
                    ReadyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RiderAssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivedAtMerchantAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PickedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivedAtCustomerAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveryMethod = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PromisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PromisedPrepMinutes = table.Column<double>(type: "double precision", nullable: true),
                    PromisedPrepSource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PromisedToMerchantMinutes = table.Column<double>(type: "double precision", nullable: true),
                    PromisedPickupServiceMinutes = table.Column<double>(type: "double precision", nullable: true),
                    PromisedTravelMinutes = table.Column<double>(type: "double precision", nullable: true),
                    PromisedDropOffServiceMinutes = table.Column<double>(type: "double precision", nullable: true),
                    LateMinutes = table.Column<double>(type: "double precision", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    Cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_order_timelines", x => x.OrderId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_ontime_alerts_RaisedAt",
                schema: "insights",
                table: "insights_ontime_alerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_insights_ontime_alerts_ZoneId_WindowSlot",
                schema: "insights",
                table: "insights_ontime_alerts",
                columns: new[] { "ZoneId", "WindowSlot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_order_timelines_MerchantId_AcceptedAt",
                schema: "insights",
                table: "insights_order_timelines",
                columns: new[] { "MerchantId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_order_timelines_ZoneId_DeliveredAt",
                schema: "insights",
                table: "insights_order_timelines",
                columns: new[] { "ZoneId", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_ontime_alerts",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_order_timelines",
                schema: "insights");
        }
    }
}
