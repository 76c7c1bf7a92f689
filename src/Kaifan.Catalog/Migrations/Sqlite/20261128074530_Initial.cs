using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_merchants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Announcement = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LogoEmoji = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    PackagingFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinimumOrderFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<double>(type: "REAL", nullable: false),
                    MonthlySales = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_merchants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_stock_reservations",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_stock_reservations", x => new { x.OrderId, x.ItemId });
                });

            migrationBuilder.CreateTable(
                name: "catalog_zones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CenterLat = table.Column<double>(type: "REAL", nullable: false),
                    CenterLon = table.Column<double>(type: "REAL", nullable: false),
                    BaseDeliveryFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FeePerKmFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FreeDistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    MaxDistanceKm = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_zones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Calories = table.Column<int>(type: "INTEGER", nullable: false),
                    Stock = table.Column<int>(type: "INTEGER", nullable: true),
                    IsListed = table.Column<bool>(type: "INTEGER", nullable: false),
                    MonthlySales = table.Column<int>(type: "INTEGER", nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_items_catalog_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "catalog_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_opening_slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Close = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_opening_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_opening_slots_catalog_merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "catalog_merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_option_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxChoices = table.Column<int>(type: "INTEGER", nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_option_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_option_groups_catalog_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "catalog_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_options",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PriceDeltaFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CaloriesDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    Sort = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_options_catalog_option_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "catalog_option_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_categories_MerchantId",
                table: "catalog_categories",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_items_CategoryId",
                table: "catalog_items",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_items_MerchantId",
                table: "catalog_items",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_merchants_ZoneId",
                table: "catalog_merchants",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_opening_slots_MerchantId",
                table: "catalog_opening_slots",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_option_groups_ItemId",
                table: "catalog_option_groups",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_options_GroupId",
                table: "catalog_options",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_opening_slots");

            migrationBuilder.DropTable(
                name: "catalog_options");

            migrationBuilder.DropTable(
                name: "catalog_stock_reservations");

            migrationBuilder.DropTable(
                name: "catalog_zones");

            migrationBuilder.DropTable(
                name: "catalog_merchants");

            migrationBuilder.DropTable(
                name: "catalog_option_groups");

            migrationBuilder.DropTable(
                name: "catalog_items");

            migrationBuilder.DropTable(
                name: "catalog_categories");
        }
    }
}
