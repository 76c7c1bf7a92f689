using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LuckyWheel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_wheel_days",
                columns: table => new
                {
                    WheelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Spins = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareSpins = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_days", x => new { x.WheelId, x.CustomerId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_share_codes",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_share_codes", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_shares",
                columns: table => new
                {
                    WheelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FriendId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_shares", x => new { x.WheelId, x.SharerId, x.FriendId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_spins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WheelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PrizeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Segment = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinSpendFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SpunAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_spins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_wheels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FreeSpinsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxShareSpinsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_wheel_prizes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WheelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Segment = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MinSpendFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CouponDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    Stock = table.Column<int>(type: "INTEGER", nullable: true),
                    Won = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_wheel_prizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_growth_wheel_prizes_growth_wheels_WheelId",
                        column: x => x.WheelId,
                        principalTable: "growth_wheels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_days_CustomerId",
                table: "growth_wheel_days",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_prizes_WheelId_Segment",
                table: "growth_wheel_prizes",
                columns: new[] { "WheelId", "Segment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_share_codes_Code",
                table: "growth_wheel_share_codes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_shares_FriendId",
                table: "growth_wheel_shares",
                column: "FriendId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_shares_SharerId",
                table: "growth_wheel_shares",
                column: "SharerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_spins_CustomerId",
                table: "growth_wheel_spins",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_wheel_spins_WheelId_CustomerId_SpunAt",
                table: "growth_wheel_spins",
                columns: new[] { "WheelId", "CustomerId", "SpunAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_wheel_days");

            migrationBuilder.DropTable(
                name: "growth_wheel_prizes");

            migrationBuilder.DropTable(
                name: "growth_wheel_share_codes");

            migrationBuilder.DropTable(
                name: "growth_wheel_shares");

            migrationBuilder.DropTable(
                name: "growth_wheel_spins");

            migrationBuilder.DropTable(
                name: "growth_wheels");
        }
    }
}
