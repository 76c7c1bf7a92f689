using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ordering_reviews",
                schema: "ordering",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    Taste = table.Column<int>(type: "integer", nullable: false),
                    Packaging = table.Column<int>(type: "integer", nullable: false),
                    Delivery = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ordering_reviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_CustomerId",
                schema: "ordering",
                table: "ordering_reviews",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_MerchantId_CreatedAt",
                schema: "ordering",
                table: "ordering_reviews",
                columns: new[] { "MerchantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_OrderId",
                schema: "ordering",
                table: "ordering_reviews",
                column: "OrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_reviews",
                schema: "ordering");
        }
    }
}
