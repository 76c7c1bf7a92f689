using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PairHigh",
                table: "growth_referrals",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "PairLow",
                table: "growth_referrals",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing bindings get their pair; of two friends who already invited each other the later keeps its own id as
            // its pair, so the unique index can be built and nothing already granted is touched.
            migrationBuilder.Sql("""
                UPDATE growth_referrals SET PairLow = min(InviterId, InviteeId), PairHigh = max(InviterId, InviteeId);
                """);
            migrationBuilder.Sql("""
                UPDATE growth_referrals SET PairLow = Id, PairHigh = Id WHERE EXISTS (SELECT 1 FROM growth_referrals e WHERE e.PairLow = growth_referrals.PairLow AND e.PairHigh = growth_referrals.PairHigh AND e.Id < growth_referrals.Id);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_growth_referrals_PairLow_PairHigh",
                table: "growth_referrals",
                columns: new[] { "PairLow", "PairHigh" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_growth_referrals_PairLow_PairHigh",
                table: "growth_referrals");

            migrationBuilder.DropColumn(
                name: "PairHigh",
                table: "growth_referrals");

            migrationBuilder.DropColumn(
                name: "PairLow",
                table: "growth_referrals");
        }
    }
}
