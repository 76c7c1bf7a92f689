using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Insights.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecommendationsAndExperiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_experiment_exposures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExperimentKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ExposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConvertedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConvertingOrderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_experiment_exposures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_experiments",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_experiments", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "insights_shop_impressions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShownAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClickedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConvertedOrderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_shop_impressions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_shop_orders",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_shop_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "insights_experiment_variants",
                columns: table => new
                {
                    ExperimentKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_experiment_variants", x => new { x.ExperimentKey, x.Name });
                    table.ForeignKey(
                        name: "FK_insights_experiment_variants_insights_experiments_ExperimentKey",
                        column: x => x.ExperimentKey,
                        principalTable: "insights_experiments",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_experiment_exposures_CustomerId_ExposedAt",
                table: "insights_experiment_exposures",
                columns: new[] { "CustomerId", "ExposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_experiment_exposures_ExperimentKey_CustomerId",
                table: "insights_experiment_exposures",
                columns: new[] { "ExperimentKey", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_impressions_CustomerId_MerchantId_ShownAt",
                table: "insights_shop_impressions",
                columns: new[] { "CustomerId", "MerchantId", "ShownAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_impressions_MerchantId_ShownAt",
                table: "insights_shop_impressions",
                columns: new[] { "MerchantId", "ShownAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_orders_CustomerId_PlacedAt",
                table: "insights_shop_orders",
                columns: new[] { "CustomerId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_shop_orders_PlacedAt",
                table: "insights_shop_orders",
                column: "PlacedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_experiment_exposures");

            migrationBuilder.DropTable(
                name: "insights_experiment_variants");

            migrationBuilder.DropTable(
                name: "insights_shop_impressions");

            migrationBuilder.DropTable(
                name: "insights_shop_orders");

            migrationBuilder.DropTable(
                name: "insights_experiments");
        }
    }
}
