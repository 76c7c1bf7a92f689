using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CashbackClaimId",
                schema: "ordering",
                table: "ordering_reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CashbackFen",
                schema: "ordering",
                table: "ordering_reviews",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CashbackReason",
                schema: "ordering",
                table: "ordering_reviews",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CashbackStatus",
                schema: "ordering",
                table: "ordering_reviews",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasPhotos",
                schema: "ordering",
                table: "ordering_reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PhotoIds",
                schema: "ordering",
                table: "ordering_reviews",
                type: "character varying(120)",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ordering_review_photos",
                schema: "ordering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Large = table.Column<byte[]>(type: "bytea", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "bytea", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_review_photos", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_MerchantId_HasPhotos_CreatedAt",
                schema: "ordering",
                table: "ordering_reviews",
                columns: new[] { "MerchantId", "HasPhotos", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_review_photos_CustomerId",
                schema: "ordering",
                table: "ordering_review_photos",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_review_photos_ReviewId",
                schema: "ordering",
                table: "ordering_review_photos",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_review_photos",
                schema: "ordering");

            migrationBuilder.DropIndex(
                name: "IX_ordering_reviews_MerchantId_HasPhotos_CreatedAt",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackClaimId",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackFen",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackReason",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackStatus",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "HasPhotos",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "PhotoIds",
                schema: "ordering",
                table: "ordering_reviews");
        }
    }
}
