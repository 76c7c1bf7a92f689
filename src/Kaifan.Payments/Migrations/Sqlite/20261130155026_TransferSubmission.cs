using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Payments.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_rider_transfers_RequestedAt",
                table: "payments_rider_transfers");

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "payments_rider_transfers",
                type: "INTEGER",
                nullable: true);

            // Transfers pending before the column existed were submitted when requested; the grace counts from then.
            migrationBuilder.Sql("""UPDATE payments_rider_transfers SET "SubmittedAt" = "RequestedAt" WHERE "Status" = 'Pending';""");

            migrationBuilder.CreateIndex(
                name: "IX_payments_rider_transfers_Status_SubmittedAt",
                table: "payments_rider_transfers",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payments_rider_transfers_Status_SubmittedAt",
                table: "payments_rider_transfers");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "payments_rider_transfers");

            migrationBuilder.CreateIndex(
                name: "IX_payments_rider_transfers_RequestedAt",
                table: "payments_rider_transfers",
                column: "RequestedAt");
        }
    }
}
