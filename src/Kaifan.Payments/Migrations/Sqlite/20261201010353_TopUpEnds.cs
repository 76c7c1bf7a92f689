using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TopUpEnds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "payments_wallets",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "payments_wallets");
        }
    }
}
