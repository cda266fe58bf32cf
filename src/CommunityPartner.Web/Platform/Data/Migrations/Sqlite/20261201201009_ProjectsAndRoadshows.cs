using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityPartner.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProjectsAndRoadshows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProjectId",
                table: "needs_needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "projects_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Model = table.Column<int>(type: "INTEGER", nullable: false),
                    UpkeepPlan = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BudgetYuan = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MatchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OperatingSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CompletionSummary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CoverPhotoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "roadshows_roadshows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganiserCommunityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScoringOpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScoringClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RsvpCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadshows_roadshows", x => x.Id);
                    table.CheckConstraint("ck_roadshows_rsvp_count", "\"RsvpCount\" >= 0 AND \"RsvpCount\" <= \"Capacity\"");
                });

            migrationBuilder.CreateTable(
                name: "projects_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2100, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_events_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_milestones_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_needs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UnlinkedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_needs_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_photos_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_resource_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hours = table.Column<int>(type: "INTEGER", nullable: true),
                    Yuan = table.Column<long>(type: "INTEGER", nullable: false),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_resource_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_resource_needs_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_updates_projects_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roadshows_interests",
                columns: table => new
                {
                    RoadshowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadshows_interests", x => new { x.RoadshowId, x.ProjectId, x.UserId });
                    table.ForeignKey(
                        name: "FK_roadshows_interests_roadshows_roadshows_RoadshowId",
                        column: x => x.RoadshowId,
                        principalTable: "roadshows_roadshows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roadshows_lineup",
                columns: table => new
                {
                    RoadshowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadshows_lineup", x => new { x.RoadshowId, x.ProjectId });
                    table.ForeignKey(
                        name: "FK_roadshows_lineup_roadshows_roadshows_RoadshowId",
                        column: x => x.RoadshowId,
                        principalTable: "roadshows_roadshows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roadshows_rsvps",
                columns: table => new
                {
                    RoadshowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadshows_rsvps", x => new { x.RoadshowId, x.UserId });
                    table.ForeignKey(
                        name: "FK_roadshows_rsvps_roadshows_roadshows_RoadshowId",
                        column: x => x.RoadshowId,
                        principalTable: "roadshows_roadshows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roadshows_scores",
                columns: table => new
                {
                    RoadshowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScorerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByRepresentative = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Feasibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Benefit = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadshows_scores", x => new { x.RoadshowId, x.ProjectId, x.ScorerId });
                    table.CheckConstraint("ck_roadshows_scores_range", "\"NeedScore\" BETWEEN 1 AND 5 AND \"Feasibility\" BETWEEN 1 AND 5 AND \"Benefit\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_roadshows_scores_roadshows_roadshows_RoadshowId",
                        column: x => x.RoadshowId,
                        principalTable: "roadshows_roadshows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_needs_needs_ProjectId",
                table: "needs_needs",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_events_ProjectId_Id",
                table: "projects_events",
                columns: new[] { "ProjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_milestones_ProjectId_SortOrder",
                table: "projects_milestones",
                columns: new[] { "ProjectId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_needs_NeedId",
                table: "projects_needs",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_needs_ProjectId_NeedId",
                table: "projects_needs",
                columns: new[] { "ProjectId", "NeedId" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_photos_ProjectId_UpdateId",
                table: "projects_photos",
                columns: new[] { "ProjectId", "UpdateId" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_projects_CategoryId_PublishedAt_Id",
                table: "projects_projects",
                columns: new[] { "CategoryId", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_projects_CommunityId_Status_PublishedAt_Id",
                table: "projects_projects",
                columns: new[] { "CommunityId", "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_projects_Status_PublishedAt_Id",
                table: "projects_projects",
                columns: new[] { "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_resource_needs_ProjectId_SortOrder",
                table: "projects_resource_needs",
                columns: new[] { "ProjectId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_updates_ProjectId_At",
                table: "projects_updates",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_interests_ProjectId_At",
                table: "roadshows_interests",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_interests_UserId",
                table: "roadshows_interests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_lineup_ProjectId",
                table: "roadshows_lineup",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_roadshows_OrganiserCommunityId",
                table: "roadshows_roadshows",
                column: "OrganiserCommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_roadshows_StartsAt_Id",
                table: "roadshows_roadshows",
                columns: new[] { "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_rsvps_UserId",
                table: "roadshows_rsvps",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_roadshows_scores_ScorerId",
                table: "roadshows_scores",
                column: "ScorerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "projects_events");

            migrationBuilder.DropTable(
                name: "projects_milestones");

            migrationBuilder.DropTable(
                name: "projects_needs");

            migrationBuilder.DropTable(
                name: "projects_photos");

            migrationBuilder.DropTable(
                name: "projects_resource_needs");

            migrationBuilder.DropTable(
                name: "projects_updates");

            migrationBuilder.DropTable(
                name: "roadshows_interests");

            migrationBuilder.DropTable(
                name: "roadshows_lineup");

            migrationBuilder.DropTable(
                name: "roadshows_rsvps");

            migrationBuilder.DropTable(
                name: "roadshows_scores");

            migrationBuilder.DropTable(
                name: "projects_projects");

            migrationBuilder.DropTable(
                name: "roadshows_roadshows");

            migrationBuilder.DropIndex(
                name: "IX_needs_needs_ProjectId",
                table: "needs_needs");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "needs_needs");
        }
    }
}
