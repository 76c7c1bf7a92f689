using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalog");

            migrationBuilder.CreateTable(
                name: "catalog_categories",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_merchants",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Announcement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LogoEmoji = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    PackagingFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    MinimumOrderFen = table.Column<long>(type: "bigint", nullable: false),
                    Rating = table.Column<double>(type: "double precision", nullable: false),
                    MonthlySales = table.Column<int>(type: "integer", nullable: false),
                    IsPaused = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_merchants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_stock_reservations",
                schema: "catalog",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ReservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_stock_reservations", x => new { x.OrderId, x.ItemId });
                });

            migrationBuilder.CreateTable(
                name: "catalog_zones",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CenterLat = table.Column<double>(type: "double precision", nullable: false),
                    CenterLon = table.Column<double>(type: "double precision", nullable: false),
                    BaseDeliveryFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    FeePerKmFen = table.Column<long>(type: "bigint", nullable: false),
                    FreeDistanceKm = table.Column<double>(type: "double precision", nullable: false),
                    MaxDistanceKm = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_zones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_items",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Calories = table.Column<int>(type: "integer", nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: true),
                    IsListed = table.Column<bool>(type: "boolean", nullable: false),
                    MonthlySales = table.Column<int>(type: "integer", nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_items_catalog_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalSchema: "catalog",
                        principalTable: "catalog_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "catalog_opening_slots",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Open = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Close = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_opening_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_opening_slots_catalog_merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalSchema: "catalog",
                        principalTable: "catalog_merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_option_groups",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    MaxChoices = table.Column<int>(type: "integer", nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_option_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_option_groups_catalog_items_ItemId",
                        column: x => x.ItemId,
                        principalSchema: "catalog",
                        principalTable: "catalog_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_options",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PriceDeltaFen = table.Column<long>(type: "bigint", nullable: false),
                    CaloriesDelta = table.Column<int>(type: "integer", nullable: false),
                    Sort = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_options_catalog_option_groups_GroupId",
                        column: x => x.GroupId,
                        principalSchema: "catalog",
                        principalTable: "catalog_option_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_categories_MerchantId",
                schema: "catalog",
                table: "catalog_categories",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_items_CategoryId",
                schema: "catalog",
                table: "catalog_items",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_items_MerchantId",
                schema: "catalog",
                table: "catalog_items",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_merchants_ZoneId",
                schema: "catalog",
                table: "catalog_merchants",
                column: "ZoneId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_opening_slots_MerchantId",
                schema: "catalog",
                table: "catalog_opening_slots",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_option_groups_ItemId",
                schema: "catalog",
                table: "catalog_option_groups",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_options_GroupId",
                schema: "catalog",
                table: "catalog_options",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_opening_slots",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_options",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_stock_reservations",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_zones",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_merchants",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_option_groups",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_items",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalog_categories",
                schema: "catalog");
        }
    }
}
