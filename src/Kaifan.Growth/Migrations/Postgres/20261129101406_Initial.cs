using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Growth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "growth");

            migrationBuilder.CreateTable(
                name: "growth_secret_code_claims",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretCodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_secret_code_claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "growth_secret_codes",
                schema: "growth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MinSpendFen = table.Column<long>(type: "bigint", nullable: false),
                    Budget = table.Column<int>(type: "integer", nullable: false),
                    Claimed = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CouponDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_growth_secret_codes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_growth_secret_code_claims_CustomerId",
                schema: "growth",
                table: "growth_secret_code_claims",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_growth_secret_code_claims_SecretCodeId_CustomerId",
                schema: "growth",
                table: "growth_secret_code_claims",
                columns: new[] { "SecretCodeId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_growth_secret_codes_Key",
                schema: "growth",
                table: "growth_secret_codes",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_secret_code_claims",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "growth_secret_codes",
                schema: "growth");
        }
    }
}
