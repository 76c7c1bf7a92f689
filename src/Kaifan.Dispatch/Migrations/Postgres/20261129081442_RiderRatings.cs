using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiderRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Rating",
                schema: "dispatch",
                table: "dispatch_riders",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RatingCount",
                schema: "dispatch",
                table: "dispatch_riders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "dispatch_rider_ratings",
                schema: "dispatch",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stars = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_rider_ratings", x => x.ReviewId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_ratings_RiderId",
                schema: "dispatch",
                table: "dispatch_rider_ratings",
                column: "RiderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_rider_ratings",
                schema: "dispatch");

            migrationBuilder.DropColumn(
                name: "Rating",
                schema: "dispatch",
                table: "dispatch_riders");

            migrationBuilder.DropColumn(
                name: "RatingCount",
                schema: "dispatch",
                table: "dispatch_riders");
        }
    }
}
