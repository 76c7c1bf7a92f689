using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UrgeFromPromise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeliveryPromisedAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuotedArrivalAt",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            // 准时宝 orders already kept Tracking's first promise: 催单 opens there too.
            migrationBuilder.Sql("""UPDATE ordering_orders SET "DeliveryPromisedAt" = "PromisedAt" WHERE "PromisedAt" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveryPromisedAt",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "QuotedArrivalAt",
                table: "ordering_orders");
        }
    }
}
