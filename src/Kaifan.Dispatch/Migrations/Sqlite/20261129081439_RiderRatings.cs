using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiderRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Rating",
                table: "dispatch_riders",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RatingCount",
                table: "dispatch_riders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "dispatch_rider_ratings",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_rider_ratings", x => x.ReviewId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_ratings_RiderId",
                table: "dispatch_rider_ratings",
                column: "RiderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_rider_ratings");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "RatingCount",
                table: "dispatch_riders");
        }
    }
}
