using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ordering_reviews_RiderId",
                schema: "ordering",
                table: "ordering_reviews",
                column: "RiderId");

            migrationBuilder.CreateIndex(
                name: "IX_ordering_orders_ExceptionRiderId",
                schema: "ordering",
                table: "ordering_orders",
                column: "ExceptionRiderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ordering_reviews_RiderId",
                schema: "ordering",
                table: "ordering_reviews");

            migrationBuilder.DropIndex(
                name: "IX_ordering_orders_ExceptionRiderId",
                schema: "ordering",
                table: "ordering_orders");
        }
    }
}
