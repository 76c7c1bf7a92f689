using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_RiderId",
                table: "ordering_reviews",
                column: "RiderId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_ExceptionRiderId",
                table: "ordering_orders",
                column: "ExceptionRiderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_reviews_RiderId",
                table: "ordering_reviews");

            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_ExceptionRiderId",
                table: "ordering_orders");
        }
    }
}
