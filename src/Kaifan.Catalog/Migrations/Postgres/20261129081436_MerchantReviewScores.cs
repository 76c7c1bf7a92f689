using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MerchantReviewScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "PriorRating",
                schema: "catalog",
                table: "catalog_merchants",
                type: "double precision",
                nullable: true);

            // Shops seeded before reviews existed keep their figure as the prior their score is shrunk towards.
            migrationBuilder.Sql("""
                UPDATE catalog.catalog_merchants SET "PriorRating" = "Rating" WHERE "Rating" > 0;
                """);

            migrationBuilder.AddColumn<int>(
                name: "ReviewCount",
                schema: "catalog",
                table: "catalog_merchants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "catalog_merchant_review_scores",
                schema: "catalog",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Overall = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_merchant_review_scores", x => x.ReviewId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_merchant_review_scores_MerchantId",
                schema: "catalog",
                table: "catalog_merchant_review_scores",
                column: "MerchantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_merchant_review_scores",
                schema: "catalog");

            migrationBuilder.DropColumn(
                name: "PriorRating",
                schema: "catalog",
                table: "catalog_merchants");

            migrationBuilder.DropColumn(
                name: "ReviewCount",
                schema: "catalog",
                table: "catalog_merchants");
        }
    }
}
