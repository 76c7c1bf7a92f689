using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CashbackClaimId",
                table: "ordering_reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CashbackFen",
                table: "ordering_reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CashbackReason",
                table: "ordering_reviews",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CashbackStatus",
                table: "ordering_reviews",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasPhotos",
                table: "ordering_reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PhotoIds",
                table: "ordering_reviews",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ordering_review_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Large = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_review_photos", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_MerchantId_HasPhotos_CreatedAt",
                table: "ordering_reviews",
                columns: new[] { "MerchantId", "HasPhotos", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_review_photos_CustomerId",
                table: "ordering_review_photos",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_review_photos_ReviewId",
                table: "ordering_review_photos",
                column: "ReviewId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_review_photos");

            migrationBuilder.DropIndex(
                name: "IX_ordering_reviews_MerchantId_HasPhotos_CreatedAt",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackClaimId",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackFen",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackReason",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "CashbackStatus",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "HasPhotos",
                table: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "PhotoIds",
                table: "ordering_reviews");
        }
    }
}
