using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecommendationsAndExperiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_experiment_exposures",
                schema: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Variant = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ExposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConvertedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConvertingOrderId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_experiment_exposures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_experiments",
                schema: "insights",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Target = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_experiments", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "insights_shop_impressions",
                schema: "insights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShownAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClickedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConvertedOrderId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_shop_impressions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_shop_orders",
                schema: "insights",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: true),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_shop_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "insights_experiment_variants",
                schema: "insights",
                columns: table => new
                {
                    ExperimentKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_experiment_variants", x => new { x.ExperimentKey, x.Name });
                    table.ForeignKey(
                        name: "FK_insights_experiment_variants_insights_experiments_Experimen~",
                        column: x => x.ExperimentKey,
                        principalSchema: "insights",
                        principalTable: "insights_experiments",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_experiment_exposures_CustomerId_ExposedAt",
                schema: "insights",
                table: "insights_experiment_exposures",
                columns: new[] { "CustomerId", "ExposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_experiment_exposures_ExperimentKey_CustomerId",
                schema: "insights",
                table: "insights_experiment_exposures",
                columns: new[] { "ExperimentKey", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_impressions_CustomerId_MerchantId_ShownAt",
                schema: "insights",
                table: "insights_shop_impressions",
                columns: new[] { "CustomerId", "MerchantId", "ShownAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_impressions_MerchantId_ShownAt",
                schema: "insights",
                table: "insights_shop_impressions",
                columns: new[] { "MerchantId", "ShownAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_orders_CustomerId_PlacedAt",
                schema: "insights",
                table: "insights_shop_orders",
                columns: new[] { "CustomerId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_orders_PlacedAt",
                schema: "insights",
                table: "insights_shop_orders",
                column: "PlacedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_experiment_exposures",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_experiment_variants",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_shop_impressions",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_shop_orders",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "insights_experiments",
                schema: "insights");
        }
    }
}
