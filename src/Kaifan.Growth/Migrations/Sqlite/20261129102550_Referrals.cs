using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_invite_codes",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Rewarded = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_invite_codes", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "growth_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InviterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InviteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InviteeCouponFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstOrderDeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InviterCouponId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InviterRewardFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_referrals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_invite_codes_Code",
                table: "growth_invite_codes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_referrals_InviteeId",
                table: "growth_referrals",
                column: "InviteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_referrals_InviterId",
                table: "growth_referrals",
                column: "InviterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_invite_codes");

            migrationBuilder.DropTable(
                name: "growth_referrals");
        }
    }
}
