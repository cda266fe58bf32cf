using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Points : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "points_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Balance = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_accounts", x => x.Id);
                    table.CheckConstraint("ck_points_accounts_balance", "\"Kind\" = 2 OR \"Balance\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "points_daily_earnings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_daily_earnings", x => new { x.UserId, x.CommunityId, x.ActivityType, x.Day });
                    table.CheckConstraint("ck_points_daily_earnings_points", "\"Points\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "points_earn_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    DailyCap = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_earn_rules", x => x.Id);
                    table.CheckConstraint("ck_points_earn_rules_points", "\"Points\" > 0 AND \"DailyCap\" >= \"Points\"");
                });

            migrationBuilder.CreateTable(
                name: "points_expiry_notices",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_expiry_notices", x => new { x.AccountId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "points_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PointsPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Stock = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_items", x => x.Id);
                    table.CheckConstraint("ck_points_items_stock", "\"Stock\" >= 0 AND \"PointsPrice\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "points_stations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_stations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "points_transfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferenceType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReferenceId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_transfers", x => x.Id);
                    table.CheckConstraint("ck_points_transfers_accounts", "\"FromAccountId\" <> \"ToAccountId\"");
                    table.CheckConstraint("ck_points_transfers_amount", "\"Amount\" > 0");
                    table.ForeignKey(
                        name: "FK_points_transfers_points_accounts_FromAccountId",
                        column: x => x.FromAccountId,
                        principalTable: "points_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_points_transfers_points_accounts_ToAccountId",
                        column: x => x.ToAccountId,
                        principalTable: "points_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "points_redemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_redemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_points_redemptions_points_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "points_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "points_dropoffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_dropoffs", x => x.Id);
                    table.CheckConstraint("ck_points_dropoffs_weight", "\"WeightGrams\" > 0 AND \"Points\" > 0");
                    table.ForeignKey(
                        name: "FK_points_dropoffs_points_stations_StationId",
                        column: x => x.StationId,
                        principalTable: "points_stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "points_station_operators",
                columns: table => new
                {
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_station_operators", x => new { x.StationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_points_station_operators_points_stations_StationId",
                        column: x => x.StationId,
                        principalTable: "points_stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "points_station_rates",
                columns: table => new
                {
                    StationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PointsPerKg = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_points_station_rates", x => new { x.StationId, x.Category });
                    table.CheckConstraint("ck_points_station_rates_points", "\"PointsPerKg\" > 0");
                    table.ForeignKey(
                        name: "FK_points_station_rates_points_stations_StationId",
                        column: x => x.StationId,
                        principalTable: "points_stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_points_accounts_Kind_OwnerId",
                table: "points_accounts",
                columns: new[] { "Kind", "OwnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_points_dropoffs_ResidentId_At",
                table: "points_dropoffs",
                columns: new[] { "ResidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_points_dropoffs_StationId_At",
                table: "points_dropoffs",
                columns: new[] { "StationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_points_earn_rules_CommunityId_ActivityType",
                table: "points_earn_rules",
                columns: new[] { "CommunityId", "ActivityType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_points_items_PartnerId_CreatedAt",
                table: "points_items",
                columns: new[] { "PartnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_points_redemptions_Code",
                table: "points_redemptions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_points_redemptions_ItemId",
                table: "points_redemptions",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_points_redemptions_PartnerId_Status",
                table: "points_redemptions",
                columns: new[] { "PartnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_points_redemptions_ResidentId_CreatedAt",
                table: "points_redemptions",
                columns: new[] { "ResidentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_points_redemptions_Status_ExpiresAt",
                table: "points_redemptions",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_points_station_operators_UserId",
                table: "points_station_operators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_points_stations_CommunityId",
                table: "points_stations",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_points_transfers_FromAccountId_Id",
                table: "points_transfers",
                columns: new[] { "FromAccountId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_points_transfers_IdempotencyKey",
                table: "points_transfers",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_points_transfers_ReferenceType_ReferenceId",
                table: "points_transfers",
                columns: new[] { "ReferenceType", "ReferenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_points_transfers_ToAccountId_Id",
                table: "points_transfers",
                columns: new[] { "ToAccountId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "points_daily_earnings");

            migrationBuilder.DropTable(
                name: "points_dropoffs");

            migrationBuilder.DropTable(
                name: "points_earn_rules");

            migrationBuilder.DropTable(
                name: "points_expiry_notices");

            migrationBuilder.DropTable(
                name: "points_redemptions");

            migrationBuilder.DropTable(
                name: "points_station_operators");

            migrationBuilder.DropTable(
                name: "points_station_rates");

            migrationBuilder.DropTable(
                name: "points_transfers");

            migrationBuilder.DropTable(
                name: "points_items");

            migrationBuilder.DropTable(
                name: "points_stations");

            migrationBuilder.DropTable(
                name: "points_accounts");
        }
    }
}
