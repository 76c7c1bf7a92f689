using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_invite_codes",
                schema: "growth",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Rewarded = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_invite_codes", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "growth_referrals",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InviterId = table.Column<Guid>(type: "uuid", nullable: false),
                    InviteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InviteeCouponFen = table.Column<long>(type: "bigint", nullable: false),
                    FirstOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    FirstOrderDeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InviterCouponId = table.Column<Guid>(type: "uuid", nullable: true),
                    InviterRewardFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_referrals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_invite_codes_Code",
                schema: "growth",
                table: "growth_invite_codes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_referrals_InviteeId",
                schema: "growth",
                table: "growth_referrals",
                column: "InviteeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_referrals_InviterId",
                schema: "growth",
                table: "growth_referrals",
                column: "InviterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_invite_codes",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_referrals",
                schema: "growth");
        }
    }
}
