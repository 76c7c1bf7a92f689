using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Dispatch.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WithdrawalListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_withdrawals_RequestedAt",
                table: "dispatch_rider_withdrawals",
                column: "RequestedAt");

            migrationBuilder.CreateIndex(
                name: "IX_dispatch_rider_withdrawals_Status_RequestedAt",
                table: "dispatch_rider_withdrawals",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dispatch_rider_withdrawals_RequestedAt",
                table: "dispatch_rider_withdrawals");

            migrationBuilder.DropIndex(
                name: "IX_dispatch_rider_withdrawals_Status_RequestedAt",
                table: "dispatch_rider_withdrawals");
        }
    }
}
