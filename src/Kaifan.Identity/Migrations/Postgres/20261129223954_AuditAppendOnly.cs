using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaifan.Identity.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Audit.AuditAppendOnly.PostgresCreate);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Audit.AuditAppendOnly.PostgresDrop);
        }
    }
}
