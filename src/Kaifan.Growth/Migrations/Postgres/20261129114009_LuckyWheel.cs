using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LuckyWheel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_wheel_days",
                schema: "growth",
                columns: table => new
                {
                    WheelId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Spins = table.Column<int>(type: "integer", nullable: false),
                    ShareSpins = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_days", x => new { x.WheelId, x.CustomerId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_share_codes",
                schema: "growth",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_share_codes", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_shares",
                schema: "growth",
                columns: table => new
                {
                    WheelId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharerId = table.Column<Guid>(type: "uuid", nullable: false),
                    FriendId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_shares", x => new { x.WheelId, x.SharerId, x.FriendId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_spins",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WheelId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    PrizeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Segment = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinSpendFen = table.Column<long>(type: "bigint", nullable: false),
                    SpunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_spins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_wheels",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FreeSpinsPerDay = table.Column<int>(type: "integer", nullable: false),
                    MaxShareSpinsPerDay = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_prizes",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WheelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Segment = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinSpendFen = table.Column<long>(type: "bigint", nullable: false),
                    CouponDays = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    Stock = table.Column<int>(type: "integer", nullable: true),
                    Won = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_prizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_growth_wheel_prizes_growth_wheels_WheelId",
                        column: x => x.WheelId,
                        principalSchema: "growth",
                        principalTable: "growth_wheels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_days_CustomerId",
                schema: "growth",
                table: "growth_wheel_days",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_prizes_WheelId_Segment",
                schema: "growth",
                table: "growth_wheel_prizes",
                columns: new[] { "WheelId", "Segment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_share_codes_Code",
                schema: "growth",
                table: "growth_wheel_share_codes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_shares_FriendId",
                schema: "growth",
                table: "growth_wheel_shares",
                column: "FriendId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_shares_SharerId",
                schema: "growth",
                table: "growth_wheel_shares",
                column: "SharerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_spins_CustomerId",
                schema: "growth",
                table: "growth_wheel_spins",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_spins_WheelId_CustomerId_SpunAt",
                schema: "growth",
                table: "growth_wheel_spins",
                columns: new[] { "WheelId", "CustomerId", "SpunAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_wheel_days",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_wheel_prizes",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_wheel_share_codes",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_wheel_shares",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_wheel_spins",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_wheels",
                schema: "growth");
        }
    }
}
