using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Core.Text;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Data;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Manage;

/// <summary>A new organization (or party group) under a parent, covering a place.</summary>
public sealed record OrganizationInput(long? ParentId, string? Name, OrgKind? Kind, long? PlaceId, TwoNewKind? TwoNew = null, FormationMode FormationMode = FormationMode.Standalone,
    int CoveredUnits = 1, DateOnly? FoundedOn = null, bool HasCommittee = false, IReadOnlyList<string>? Units = null);

/// <summary>The committee of an organization and its last election.</summary>
public sealed record CommitteeInput(string? Secretary, string? DeputySecretary, string? OrganizationMember, string? PropagandaMember, string? DisciplineMember,
    bool HasCommittee, DateOnly? LastElectionOn);

/// <summary>A member added by hand (the import does the same for a whole roster).</summary>
public sealed record MemberInput(string? Name, char? Gender, string? IdNumber, string? Phone, MemberStatus? Status, DateOnly? AdmittedOn, DateOnly? FullSince,
    string? WorkUnit, bool IsCommitteeMember = false, DuesCategory DuesCategory = DuesCategory.Employed, decimal DuesBase = 0, long? HouseholdId = null);

public sealed record CreatedId(long Id);

/// <summary>Create organizations, keep their committee and elections, and add members by hand (subdistrict or branch managers in scope).</summary>
public static class ManageEndpoints
{
    public static RouteGroupBuilder MapManageParty(this RouteGroupBuilder api)
    {
        api.MapPost("/party/organizations", (OrganizationInput input, ManageService s, ClaimsPrincipal user, CancellationToken ct) => s.CreateOrganizationAsync(input, user, ct))
            .RequireAuthorization().WithName("CreatePartyOrganization").WithSummary("Create an organization or party group under a parent in your scope.");
        api.MapPut("/party/organizations/{id:long}/committee", (long id, CommitteeInput input, ManageService s, ClaimsPrincipal user, CancellationToken ct) => s.CommitteeAsync(id, input, user, ct))
            .RequireAuthorization().WithName("UpdateCommittee").WithSummary("Record the committee (secretary, deputy, organization, propaganda, discipline) and the last election.");
        api.MapPost("/party/organizations/{id:long}/members", (long id, MemberInput input, ManageService s, ClaimsPrincipal user, CancellationToken ct) => s.AddMemberAsync(id, input, user, ct))
            .RequireAuthorization().WithName("AddPartyMember").WithSummary("Add a member to an organization (ID check digit, unique ID, probation dates).");
        return api;
    }
}

internal sealed class ManageService(JiayuanDbContext db, IPlaceDirectory places, IPersonalDataCipher cipher, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<Results<Created<CreatedId>, ValidationProblem, NotFound, ForbidHttpResult>> CreateOrganizationAsync(OrganizationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l).Required("name", input.Name, "Name").MaxLength("name", input.Name, 120, "Name");
        var parent = input.ParentId is { } pid ? await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        var place = input.PlaceId is { } plid ? await places.FindAsync(plid, ct) : null;
        if (input.Kind == OrgKind.WorkingCommittee && input.ParentId is null)
        {
            return await CreateRootAsync(input, place, user, ct);
        }
        if (parent is null)
        {
            errors.Add("parentId", "Choose the parent organization.");
        }
        if (place is null)
        {
            errors.Add("placeId", "Choose the place the organization covers.");
        }
        if (input.Kind is not { } kind || kind == OrgKind.WorkingCommittee)
        {
            errors.Add("kind", "Choose what kind of organization this is.");
        }
        else if (kind == OrgKind.PartyGroup && parent is not null && parent.Kind is not (OrgKind.Branch or OrgKind.JointBranch))
        {
            errors.Add("kind", "A party group is formed inside a branch.");
        }
        // A joint branch names the units it covers (then their number is the count), or gives only the count.
        var units = (input.Units ?? []).Select(u => u?.Trim()).Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).Distinct().ToList();
        var coveredUnits = units.Count > 0 ? units.Count : input.CoveredUnits;
        if (input.Kind == OrgKind.JointBranch && coveredUnits is < 2 or > OrgRules.MaxJointUnits)
        {
            errors.Add(units.Count > 0 ? "units" : "coveredUnits", "A joint branch covers 2 to {0} units.", OrgRules.MaxJointUnits);
        }
        if (units.Count > 0 && input.Kind != OrgKind.JointBranch)
        {
            errors.Add("units", "Only a joint branch lists the units it covers.");
        }
        if (units.Any(u => u.Length > 120))
        {
            errors.Add("units", "A unit's name is at most {0} characters.", 120);
        }
        var today = Dates.Today(clock);
        if (input.FoundedOn > today)
        {
            errors.Add("foundedOn", "The founding date cannot be in the future.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (!user.Covers(place!.Path, PartyAccess.Managers) || !user.Covers(parent!.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.Forbid();
        }
        var code = "DZN" + (await db.Set<PartyOrganization>().CountAsync(ct) + 1).ToString("D6", CultureInfo.InvariantCulture);
        var org = new PartyOrganization
        {
            ParentId = parent.Id, Code = code, Name = input.Name!.Trim(), Kind = input.Kind!.Value, TwoNew = input.TwoNew, FormationMode = input.FormationMode,
            Path = parent.Path + "/" + code, PlaceId = place.Id, PlacePath = place.Path, PlaceKind = place.Kind.ToString(), CoveredUnits = Math.Max(1, coveredUnits),
            FoundedOn = input.FoundedOn ?? today, HasCommittee = input.HasCommittee, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(org);
        await db.SaveChangesAsync(ct);
        if (units.Count > 0)
        {
            db.AddRange(units.Select((u, i) => new JointUnit { OrganizationId = org.Id, Name = u, Position = i }));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Created($"/api/v1/party/organizations/{org.Id}", new CreatedId(org.Id));
    }

    /// <summary>The subdistrict's working committee: the root of the Party tree, created once on an install without the demo.</summary>
    private async Task<Results<Created<CreatedId>, ValidationProblem, NotFound, ForbidHttpResult>> CreateRootAsync(OrganizationInput input, PlaceSummary? place, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l).Required("name", input.Name, "Name").MaxLength("name", input.Name, 120, "Name");
        if (place is null || place.Kind != PlaceKind.Subdistrict)
        {
            errors.Add("placeId", "The working committee covers the subdistrict.");
        }
        if (await db.Set<PartyOrganization>().AnyAsync(o => o.ParentId == null, ct))
        {
            errors.Add("kind", "The Party tree already has its working committee.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (!user.Covers(place!.Path, Role.SubdistrictAdmin))
        {
            return TypedResults.Forbid();
        }
        var root = new PartyOrganization
        {
            Code = "DZ" + place.Code, Name = input.Name!.Trim(), Kind = OrgKind.WorkingCommittee, Path = "/DZ" + place.Code, PlaceId = place.Id, PlacePath = place.Path,
            PlaceKind = place.Kind.ToString(), FoundedOn = input.FoundedOn ?? Dates.Today(clock), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(root);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/party/organizations/{root.Id}", new CreatedId(root.Id));
    }

    public async Task<Results<Ok<CreatedId>, ValidationProblem, NotFound, ForbidHttpResult>> CommitteeAsync(long id, CommitteeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(org.PlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l).Required("secretary", input.Secretary, "Secretary");
        foreach (var (field, value) in new[] { ("secretary", input.Secretary), ("deputySecretary", input.DeputySecretary), ("organizationMember", input.OrganizationMember),
            ("propagandaMember", input.PropagandaMember), ("disciplineMember", input.DisciplineMember) })
        {
            errors.MaxLength(field, value, 50, "Name");
        }
        if (input.LastElectionOn > Dates.Today(clock))
        {
            errors.Add("lastElectionOn", "The election date cannot be in the future.");
        }
        var full = await db.Set<PartyMember>().CountAsync(m => m.OrganizationId == id && m.Status == MemberStatus.Full, ct);
        if (input.HasCommittee && full < OrgRules.CommitteeFromFullMembers)
        {
            errors.Add("hasCommittee", "A branch committee needs at least {0} full members; with {1}, elect a secretary instead.", OrgRules.CommitteeFromFullMembers, full);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        org.Secretary = input.Secretary!.Trim();
        org.DeputySecretary = input.DeputySecretary?.Trim();
        org.OrganizationMember = input.HasCommittee ? input.OrganizationMember?.Trim() : null;
        org.PropagandaMember = input.HasCommittee ? input.PropagandaMember?.Trim() : null;
        org.DisciplineMember = input.HasCommittee ? input.DisciplineMember?.Trim() : null;
        org.HasCommittee = input.HasCommittee;
        org.LastElectionOn = input.LastElectionOn ?? org.LastElectionOn;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CreatedId(org.Id));
    }

    public async Task<Results<Created<CreatedId>, ValidationProblem, NotFound, ForbidHttpResult>> AddMemberAsync(long orgId, MemberInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(org.PlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l).Required("name", input.Name, "Name").MaxLength("name", input.Name, 50, "Name").MaxLength("workUnit", input.WorkUnit, 120, "Work unit");
        if (org.Kind == OrgKind.PartyGroup)
        {
            errors.Add("organizationId", "Members belong to a branch; a party group is part of its branch.");
        }
        var id = string.IsNullOrWhiteSpace(input.IdNumber) ? null : ChineseId.Normalize(input.IdNumber);
        if (id is null || !ChineseId.IsValid(id))
        {
            errors.Add("idNumber", "The ID number is not valid (GB 11643: 18 characters whose last one is the check digit).");
            id = null;
        }
        else if (cipher.Hash(id) is var idHash && await db.Set<PartyMember>().IgnoreQueryFilters().Where(m => m.IdNumberHash == idHash)
            .Select(m => (MemberStatus?)m.Status).FirstOrDefaultAsync(ct) is { } existingStatus)
        {
            errors.Add("idNumber", existingStatus == MemberStatus.Cancelled
                ? "This ID number belongs to a person whose probationary membership was cancelled."
                : "This ID number is already registered as a Party member.");
        }
        if (id is { Length: 18 } && input.Gender is '男' or '女' && (id[16] - '0') % 2 == (input.Gender == '男' ? 0 : 1))
        {
            errors.Add("gender", "The gender does not match the ID number.");
        }
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : Phone.Normalize(input.Phone);
        if (phone is not null && !Phone.IsMobile(phone))
        {
            errors.Add("phone", "A mobile number has 11 digits and starts with 13–19, e.g. 13812345678.");
        }
        var today = Dates.Today(clock);
        if (input.Status is null)
        {
            errors.Add("status", "Choose full or probationary membership.");
        }
        if (input.AdmittedOn is not { } admitted || admitted > today)
        {
            errors.Add("admittedOn", "Enter the date of admission (not in the future).");
        }
        else if (input.Status == MemberStatus.Probationary && admitted < today.AddMonths(-24))
        {
            errors.Add("admittedOn", "Probation (1 year, extended at most once by 12 months) is over for this date; record the member as full.");
        }
        else if (input.Status == MemberStatus.Full && input.FullSince is { } f && (f < admitted.AddMonths(12) || f > admitted.AddMonths(24)))
        {
            errors.Add("fullSince", "Full membership starts 1 to 2 years after admission (probation of 1 year, extended at most once).");
        }
        if (input.HouseholdId is { } hh && (await places.FindAsync(hh, ct))?.Kind != PlaceKind.Household)
        {
            errors.Add("householdId", "Choose the household where the member lives.");
        }
        if (input.DuesBase < 0)
        {
            errors.Add("duesBase", "Enter the monthly after-tax income in yuan (0 or more).");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var now = clock.GetUtcNow();
        var end = input.AdmittedOn!.Value.AddMonths(PartyMember.ProbationMonths);
        var member = new PartyMember
        {
            OrganizationId = org.Id, OrgPath = org.Path, PlacePath = org.PlacePath, IsTwoNew = org.TwoNew is not null, RealName = input.Name!.Trim(),
            Gender = input.Gender is '女' or '男' ? input.Gender.Value : (id![^2] - '0') % 2 == 0 ? '女' : '男',
            IdNumberCipher = cipher.Protect(id!), IdNumberHash = cipher.Hash(id!), IdNumberMasked = Masking.IdNumber(id!),
            PhoneCipher = phone is null ? null : cipher.Protect(phone), PhoneMasked = phone is null ? null : Masking.Phone(phone),
            Status = input.Status!.Value, AdmittedOn = input.AdmittedOn.Value, ProbationEndsOn = input.Status == MemberStatus.Full ? input.FullSince ?? end : end,
            ProbationExtended = input.Status == MemberStatus.Full && input.FullSince is { } fs && fs > end, FullSince = input.Status == MemberStatus.Full ? input.FullSince ?? end : null,
            WorkUnit = input.WorkUnit?.Trim(), IsCommitteeMember = input.IsCommitteeMember, HouseholdPlaceId = input.HouseholdId, DuesCategory = input.DuesCategory, DuesBase = input.DuesBase,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(member);
        await db.SaveChangesAsync(ct);
        await OrgCounters.RefreshAsync(db, [org.Id], ct);
        return TypedResults.Created($"/api/v1/party/organizations/{org.Id}", new CreatedId(member.Id));
    }
}
