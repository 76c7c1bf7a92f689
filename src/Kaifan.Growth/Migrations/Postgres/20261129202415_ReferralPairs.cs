using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PairHigh",
                schema: "growth",
                table: "growth_referrals",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "PairLow",
                schema: "growth",
                table: "growth_referrals",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing bindings get their pair; of two friends who already invited each other the later keeps its own id as
            // its pair, so the unique index can be built and nothing already granted is touched.
            migrationBuilder.Sql("""
                UPDATE growth.growth_referrals SET "PairLow" = LEAST("InviterId", "InviteeId"), "PairHigh" = GREATEST("InviterId", "InviteeId");
                """);
            migrationBuilder.Sql("""
                UPDATE growth.growth_referrals r SET "PairLow" = r."Id", "PairHigh" = r."Id" WHERE EXISTS (SELECT 1 FROM growth.growth_referrals e WHERE e."PairLow" = r."PairLow" AND e."PairHigh" = r."PairHigh" AND e."Id" < r."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_growth_referrals_PairLow_PairHigh",
                schema: "growth",
                table: "growth_referrals",
                columns: new[] { "PairLow", "PairHigh" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_growth_referrals_PairLow_PairHigh",
                schema: "growth",
                table: "growth_referrals");

            migrationBuilder.DropColumn(
                name: "PairHigh",
                schema: "growth",
                table: "growth_referrals");

            migrationBuilder.DropColumn(
                name: "PairLow",
                schema: "growth",
                table: "growth_referrals");
        }
    }
}
