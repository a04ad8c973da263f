using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Modules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedById = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedFromIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PatrolShiftId = table.Column<long>(type: "INTEGER", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstAckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstOnSceneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_patrol_shifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_patrol_shifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_raiser_blocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BlockedById = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_raiser_blocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_responders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Duty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_responders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_bodies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_builders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    School = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Background = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Local = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_builders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_funds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposalsUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    HearingAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionBy = table.Column<long>(type: "INTEGER", nullable: false),
                    ImplementationUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptanceBy = table.Column<long>(type: "INTEGER", nullable: false),
                    HearingRepresentatives = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_funds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDigest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_notification_preferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Daily = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_notification_preferences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_owners",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourtyardId = table.Column<long>(type: "INTEGER", nullable: false),
                    CourtyardPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDeveloper = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_owners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_owners_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourtyardId = table.Column<long>(type: "INTEGER", nullable: false),
                    CourtyardPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CourtyardName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Matter = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_owners_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_polls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Electorate = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxChoices = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreMax = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredSharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    LiveResults = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_polls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_results",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consultation_topics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RoutedBodyId = table.Column<long>(type: "INTEGER", nullable: true),
                    RoutedBodyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Supports = table.Column<int>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "demands_calendar",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Workday = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_calendar", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "demands_categories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DefaultType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DefaultUrgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DefaultHandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FeedbackWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "demands_open311_clients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_open311_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_dues_bases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Base = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Monthly = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_dues_bases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_dues_bases_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_dues_uses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_dues_uses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_dues_uses_party_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_joint_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_joint_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_joint_units_party_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "party_member_accounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LinkedById = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_member_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_member_accounts_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "party_member_cancellations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_member_cancellations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_member_cancellations_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_party_member_cancellations_party_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alerts_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResponderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EtaMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_events_alerts_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_photos_alerts_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_recipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponderId = table.Column<long>(type: "INTEGER", nullable: true),
                    SinceEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_recipients_alerts_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_patrol_logs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShiftId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_patrol_logs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_patrol_logs_alerts_patrol_shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "alerts_patrol_shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_patrol_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShiftId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckInLatitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckInLongitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckOutLatitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckOutLongitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_patrol_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_patrol_members_alerts_patrol_shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "alerts_patrol_shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_responder_areas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponderId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_responder_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_responder_areas_alerts_responders_ResponderId",
                        column: x => x.ResponderId,
                        principalTable: "alerts_responders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_body_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Chair = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_body_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_body_members_consultation_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "consultation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StreamUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CheckInCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MinutesHtml = table.Column<string>(type: "TEXT", nullable: true),
                    MinutesNoticeId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_meetings_consultation_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "consultation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_builder_advice",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BuilderId = table.Column<long>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<long>(type: "INTEGER", nullable: true),
                    FundProjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResourceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_builder_advice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_builder_advice_consultation_builders_BuilderId",
                        column: x => x.BuilderId,
                        principalTable: "consultation_builders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_builder_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BuilderId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_builder_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_builder_assignments_consultation_builders_BuilderId",
                        column: x => x.BuilderId,
                        principalTable: "consultation_builders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_fund_projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BudgetFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HearingYes = table.Column<int>(type: "INTEGER", nullable: false),
                    HearingNo = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_fund_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_fund_projects_consultation_funds_FundId",
                        column: x => x.FundId,
                        principalTable: "consultation_funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_units",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourtyardId = table.Column<long>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AreaHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_units_consultation_owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "consultation_owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultation_owner_ballots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PaperNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EnteredById = table.Column<long>(type: "INTEGER", nullable: true),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_owner_ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_owner_ballots_consultation_owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "consultation_owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_owner_ballots_consultation_owners_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "consultation_owners_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_poll_ballots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    VoterId = table.Column<long>(type: "INTEGER", nullable: true),
                    VoterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_poll_ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_poll_ballots_consultation_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "consultation_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_poll_options",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_poll_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_poll_options_consultation_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "consultation_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_poll_participations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_poll_participations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_poll_participations_consultation_polls_PollId",
                        column: x => x.PollId,
                        principalTable: "consultation_polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_result_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResultId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_result_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_result_photos_consultation_results_ResultId",
                        column: x => x.ResultId,
                        principalTable: "consultation_results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_result_updates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResultId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_result_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_result_updates_consultation_results_ResultId",
                        column: x => x.ResultId,
                        principalTable: "consultation_results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_topic_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TopicId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    Hidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_topic_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_topic_comments_consultation_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "consultation_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_topic_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TopicId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_topic_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_topic_reports_consultation_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "consultation_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_topic_supports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TopicId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_topic_supports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_topic_supports_consultation_topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "consultation_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_demands",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublicDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PlaceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CommunityPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    RequesterUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RequesterPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequesterPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Open311ClientId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CoHandlerNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CoHandlerPaths = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptBy = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    UrgeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Escalation = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Followers = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondedInTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_demands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_demands_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demands_routing_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    HandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CoHandlerPaths = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_routing_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_routing_rules_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_agenda_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAbstain = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_agenda_items_consultation_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "consultation_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_attendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ByStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_attendance_consultation_body_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "consultation_body_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_attendance_consultation_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "consultation_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_speakers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SpokeAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_speakers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultation_speakers_consultation_body_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "consultation_body_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultation_speakers_consultation_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "consultation_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ActorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_events_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_followers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_followers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_followers_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_notifications_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HiddenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_photos_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_members_Status_PlacePath",
                table: "party_members",
                columns: new[] { "Status", "PlacePath" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alerts_EscalateAt",
                table: "alerts_alerts",
                column: "EscalateAt");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alerts_PlacePath_RaisedAt",
                table: "alerts_alerts",
                columns: new[] { "PlacePath", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alerts_RaisedById_RaisedAt",
                table: "alerts_alerts",
                columns: new[] { "RaisedById", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_events_AlertId_Id",
                table: "alerts_events",
                columns: new[] { "AlertId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_logs_ShiftId",
                table: "alerts_patrol_logs",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_members_ShiftId_UserId",
                table: "alerts_patrol_members",
                columns: new[] { "ShiftId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_members_UserId",
                table: "alerts_patrol_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_shifts_PlacePath_StartsAt",
                table: "alerts_patrol_shifts",
                columns: new[] { "PlacePath", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_photos_AlertId",
                table: "alerts_photos",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_raiser_blocks_UserId",
                table: "alerts_raiser_blocks",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_recipients_AlertId_UserId",
                table: "alerts_recipients",
                columns: new[] { "AlertId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_recipients_UserId",
                table: "alerts_recipients",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_responder_areas_PlacePath",
                table: "alerts_responder_areas",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_responder_areas_ResponderId_PlaceId",
                table: "alerts_responder_areas",
                columns: new[] { "ResponderId", "PlaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_responders_UserId",
                table: "alerts_responders",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_agenda_items_MeetingId_Position",
                table: "consultation_agenda_items",
                columns: new[] { "MeetingId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_attendance_MeetingId_MemberId",
                table: "consultation_attendance",
                columns: new[] { "MeetingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_attendance_MemberId",
                table: "consultation_attendance",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_bodies_PlacePath",
                table: "consultation_bodies",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_body_members_BodyId_UserId",
                table: "consultation_body_members",
                columns: new[] { "BodyId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_builder_advice_BuilderId",
                table: "consultation_builder_advice",
                column: "BuilderId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_builder_advice_FundProjectId",
                table: "consultation_builder_advice",
                column: "FundProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_builder_advice_TopicId",
                table: "consultation_builder_advice",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_builder_assignments_BuilderId_PlaceId",
                table: "consultation_builder_assignments",
                columns: new[] { "BuilderId", "PlaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_builder_assignments_PlacePath",
                table: "consultation_builder_assignments",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_builders_UserId",
                table: "consultation_builders",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_fund_projects_FundId",
                table: "consultation_fund_projects",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_funds_PlaceId_Year",
                table: "consultation_funds",
                columns: new[] { "PlaceId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_inbox_UserId_CreatedAt",
                table: "consultation_inbox",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_meetings_BodyId_StartsAt",
                table: "consultation_meetings",
                columns: new[] { "BodyId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_notification_preferences_UserId",
                table: "consultation_notification_preferences",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_notifications_MessageId_UserId",
                table: "consultation_notifications",
                columns: new[] { "MessageId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_owner_ballots_DecisionId_OwnerId",
                table: "consultation_owner_ballots",
                columns: new[] { "DecisionId", "OwnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_owner_ballots_DecisionId_PaperNumber",
                table: "consultation_owner_ballots",
                columns: new[] { "DecisionId", "PaperNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_owner_ballots_OwnerId",
                table: "consultation_owner_ballots",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_owners_CourtyardId",
                table: "consultation_owners",
                column: "CourtyardId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_owners_CourtyardId_UserId",
                table: "consultation_owners",
                columns: new[] { "CourtyardId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_owners_decisions_CourtyardPath_ClosesAt",
                table: "consultation_owners_decisions",
                columns: new[] { "CourtyardPath", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_poll_ballots_PollId",
                table: "consultation_poll_ballots",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_poll_options_PollId_Position",
                table: "consultation_poll_options",
                columns: new[] { "PollId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_poll_participations_PollId_UserId",
                table: "consultation_poll_participations",
                columns: new[] { "PollId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_polls_PlacePath_ClosesAt",
                table: "consultation_polls",
                columns: new[] { "PlacePath", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_result_photos_ResultId",
                table: "consultation_result_photos",
                column: "ResultId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_result_updates_ResultId",
                table: "consultation_result_updates",
                column: "ResultId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_results_PlacePath",
                table: "consultation_results",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_results_Source_SourceId",
                table: "consultation_results",
                columns: new[] { "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_speakers_MeetingId_RequestedAt",
                table: "consultation_speakers",
                columns: new[] { "MeetingId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_speakers_MemberId",
                table: "consultation_speakers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_topic_comments_TopicId_CreatedAt",
                table: "consultation_topic_comments",
                columns: new[] { "TopicId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_topic_reports_TopicId_CommentId_UserId",
                table: "consultation_topic_reports",
                columns: new[] { "TopicId", "CommentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_topic_supports_TopicId_UserId",
                table: "consultation_topic_supports",
                columns: new[] { "TopicId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_topics_PlacePath_Hidden_CreatedAt",
                table: "consultation_topics",
                columns: new[] { "PlacePath", "Hidden", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_consultation_units_CourtyardId_Label",
                table: "consultation_units",
                columns: new[] { "CourtyardId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consultation_units_OwnerId",
                table: "consultation_units",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_categories_Code",
                table: "demands_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CategoryId",
                table: "demands_demands",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CommunityPath_CreatedAt",
                table: "demands_demands",
                columns: new[] { "CommunityPath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CreatedAt",
                table: "demands_demands",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Escalation_Deadline",
                table: "demands_demands",
                columns: new[] { "Escalation", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Escalation_UrgeAt",
                table: "demands_demands",
                columns: new[] { "Escalation", "UrgeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_HandlerPath_Status",
                table: "demands_demands",
                columns: new[] { "HandlerPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Month_HandlerPath_CommunityPath_Status_RespondedInTime_Satisfaction_Resolved_ClosedOnTime_ReopenCount_IsRepeat",
                table: "demands_demands",
                columns: new[] { "Month", "HandlerPath", "CommunityPath", "Status", "RespondedInTime", "Satisfaction", "Resolved", "ClosedOnTime", "ReopenCount", "IsRepeat" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_PlacePath_CategoryId_Status",
                table: "demands_demands",
                columns: new[] { "PlacePath", "CategoryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_RequesterUserId",
                table: "demands_demands",
                column: "RequesterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Status_RepliedAt",
                table: "demands_demands",
                columns: new[] { "Status", "RepliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Token",
                table: "demands_demands",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_UpdatedAt",
                table: "demands_demands",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_demands_events_At",
                table: "demands_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_demands_events_DemandId_Id",
                table: "demands_events",
                columns: new[] { "DemandId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_followers_DemandId_UserId",
                table: "demands_followers",
                columns: new[] { "DemandId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_followers_UserId",
                table: "demands_followers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_notifications_DemandId",
                table: "demands_notifications",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_notifications_HandlerPath_Id",
                table: "demands_notifications",
                columns: new[] { "HandlerPath", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_notifications_UserId_Id",
                table: "demands_notifications",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_open311_clients_KeyHash",
                table: "demands_open311_clients",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_photos_DemandId",
                table: "demands_photos",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_routing_rules_CategoryId",
                table: "demands_routing_rules",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_party_dues_bases_MemberId_Year",
                table: "party_dues_bases",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_dues_uses_OrganizationId_SpentOn",
                table: "party_dues_uses",
                columns: new[] { "OrganizationId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_party_joint_units_OrganizationId_Position",
                table: "party_joint_units",
                columns: new[] { "OrganizationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_party_member_accounts_MemberId",
                table: "party_member_accounts",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_member_accounts_UserId",
                table: "party_member_accounts",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_member_cancellations_MemberId",
                table: "party_member_cancellations",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_member_cancellations_OrganizationId",
                table: "party_member_cancellations",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts_events");

            migrationBuilder.DropTable(
                name: "alerts_patrol_logs");

            migrationBuilder.DropTable(
                name: "alerts_patrol_members");

            migrationBuilder.DropTable(
                name: "alerts_photos");

            migrationBuilder.DropTable(
                name: "alerts_raiser_blocks");

            migrationBuilder.DropTable(
                name: "alerts_recipients");

            migrationBuilder.DropTable(
                name: "alerts_responder_areas");

            migrationBuilder.DropTable(
                name: "consultation_agenda_items");

            migrationBuilder.DropTable(
                name: "consultation_attendance");

            migrationBuilder.DropTable(
                name: "consultation_builder_advice");

            migrationBuilder.DropTable(
                name: "consultation_builder_assignments");

            migrationBuilder.DropTable(
                name: "consultation_fund_projects");

            migrationBuilder.DropTable(
                name: "consultation_inbox");

            migrationBuilder.DropTable(
                name: "consultation_notification_preferences");

            migrationBuilder.DropTable(
                name: "consultation_notifications");

            migrationBuilder.DropTable(
                name: "consultation_owner_ballots");

            migrationBuilder.DropTable(
                name: "consultation_poll_ballots");

            migrationBuilder.DropTable(
                name: "consultation_poll_options");

            migrationBuilder.DropTable(
                name: "consultation_poll_participations");

            migrationBuilder.DropTable(
                name: "consultation_result_photos");

            migrationBuilder.DropTable(
                name: "consultation_result_updates");

            migrationBuilder.DropTable(
                name: "consultation_speakers");

            migrationBuilder.DropTable(
                name: "consultation_topic_comments");

            migrationBuilder.DropTable(
                name: "consultation_topic_reports");

            migrationBuilder.DropTable(
                name: "consultation_topic_supports");

            migrationBuilder.DropTable(
                name: "consultation_units");

            migrationBuilder.DropTable(
                name: "demands_calendar");

            migrationBuilder.DropTable(
                name: "demands_events");

            migrationBuilder.DropTable(
                name: "demands_followers");

            migrationBuilder.DropTable(
                name: "demands_notifications");

            migrationBuilder.DropTable(
                name: "demands_open311_clients");

            migrationBuilder.DropTable(
                name: "demands_photos");

            migrationBuilder.DropTable(
                name: "demands_routing_rules");

            migrationBuilder.DropTable(
                name: "party_dues_bases");

            migrationBuilder.DropTable(
                name: "party_dues_uses");

            migrationBuilder.DropTable(
                name: "party_joint_units");

            migrationBuilder.DropTable(
                name: "party_member_accounts");

            migrationBuilder.DropTable(
                name: "party_member_cancellations");

            migrationBuilder.DropTable(
                name: "alerts_patrol_shifts");

            migrationBuilder.DropTable(
                name: "alerts_alerts");

            migrationBuilder.DropTable(
                name: "alerts_responders");

            migrationBuilder.DropTable(
                name: "consultation_builders");

            migrationBuilder.DropTable(
                name: "consultation_funds");

            migrationBuilder.DropTable(
                name: "consultation_owners_decisions");

            migrationBuilder.DropTable(
                name: "consultation_polls");

            migrationBuilder.DropTable(
                name: "consultation_results");

            migrationBuilder.DropTable(
                name: "consultation_body_members");

            migrationBuilder.DropTable(
                name: "consultation_meetings");

            migrationBuilder.DropTable(
                name: "consultation_topics");

            migrationBuilder.DropTable(
                name: "consultation_owners");

            migrationBuilder.DropTable(
                name: "demands_demands");

            migrationBuilder.DropTable(
                name: "consultation_bodies");

            migrationBuilder.DropTable(
                name: "demands_categories");

            migrationBuilder.DropIndex(
                name: "IX_party_members_Status_PlacePath",
                table: "party_members");
        }
    }
}
