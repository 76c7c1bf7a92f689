using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Ordering.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CouponWithdrawals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "GrantPending",
                table: "ordering_coupons",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "ordering_coupons",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GrantPending",
                table: "ordering_coupons");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "ordering_coupons");
        }
    }
}
