using System.Globalization;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Places.Contracts;

namespace Jiayuan.Party.Demo;

/// <summary>
/// The Party organizations and members of 石羊街道 as the article counts them in 2018: 141 organizations (61 two-new),
/// 2,995 members (698 two-new), 61 courtyard branches, 133 party groups, 27 founded in 2018 (7 non-public enterprise,
/// 2 social organization, 18 courtyard branches). The statistics endpoint counts these records; nothing stores the totals.
/// Names, ID numbers and phones of members are generated and fictional.
/// </summary>
internal sealed class PartyDemoSeeder(IPlaceDirectory places, IPersonalDataCipher cipher, TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    private static readonly string[] _surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] _given = ["建国", "秀英", "志强", "丽华", "俊杰", "晓燕", "红梅", "德明", "桂芳", "海波", "玉兰", "国华", "文静", "明亮", "春花", "永刚", "淑珍", "子涵", "雨萱", "浩然"];
    private static readonly string[] _companies = ["蓉芯", "天谷", "锦程", "云帆", "星河", "聚能", "博远", "智汇", "新禾", "华蓉", "远景", "青藤", "嘉禾", "瑞通", "川信"];

    private readonly Random _random = new(2018);
    private int _orgSeq;
    private int _idSeq;

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var root = await places.RootAsync(cancellationToken);
        var communities = await places.CommunitiesAsync(cancellationToken);
        var courtyards = await places.DescendantsAsync(root.Path, PlaceKind.Courtyard, cancellationToken);
        var buildings = await places.DescendantsAsync(root.Path, PlaceKind.Building, cancellationToken);
        var units = await places.DescendantsAsync(root.Path, PlaceKind.Unit, cancellationToken);
        var parks = await places.DescendantsAsync(root.Path, PlaceKind.Park, cancellationToken);
        var towers = await places.DescendantsAsync(root.Path, PlaceKind.OfficeBuilding, cancellationToken);
        var districts = await places.DescendantsAsync(root.Path, PlaceKind.BusinessDistrict, cancellationToken);
        var blocks = await places.DescendantsAsync(root.Path, PlaceKind.Block, cancellationToken);
        var households = await places.DescendantsAsync(root.Path, PlaceKind.Household, cancellationToken);
        PlaceSummary Unit(string name) => units.First(u => u.Name == name);

        var members = new List<(PartyOrganization Org, int Count)>();
        var jointUnits = new List<(PartyOrganization Org, IReadOnlyList<string> Units)>();
        PartyOrganization Add(PartyOrganization? parent, string name, OrgKind kind, PlaceSummary place, DateOnly founded, TwoNewKind? twoNew = null,
            FormationMode mode = FormationMode.Standalone, int memberCount = 0, int coveredUnits = 1, IReadOnlyList<string>? units = null)
        {
            var code = "DZ" + (++_orgSeq).ToString("D4", CultureInfo.InvariantCulture);
            var org = new PartyOrganization
            {
                Code = code, Name = name, Kind = kind, TwoNew = twoNew, FormationMode = mode, Path = (parent?.Path ?? "") + "/" + code,
                PlaceId = place.Id, PlacePath = place.Path, PlaceKind = place.Kind.ToString(), CoveredUnits = coveredUnits, FoundedOn = founded,
                LastElectionOn = kind == OrgKind.PartyGroup ? null : ElectionFor(founded), HasCommittee = memberCount >= 20, Secretary = kind == OrgKind.PartyGroup ? null : Name(),
                CreatedAt = now,
            };
            if (parent is not null)
            {
                org.ParentId = parent.Id;
            }
            db.Add(org);
            if (memberCount > 0)
            {
                members.Add((org, memberCount));
            }
            if (units is { Count: > 0 })
            {
                jointUnits.Add((org, units));
            }
            return org;
        }

        var committee = Add(null, "中共成都高新区石羊街道工作委员会", OrgKind.WorkingCommittee, root, new DateOnly(2008, 3, 1), memberCount: 17);
        await db.SaveChangesAsync(cancellationToken);

        // Community organizations: 党委 in the four named communities, 党总支 in the others (总支部在社区).
        var communityOrgs = new Dictionary<long, PartyOrganization>();
        foreach (var c in communities)
        {
            var big = communities.ToList().IndexOf(c) < 4;
            communityOrgs[c.Id] = Add(committee, $"中共{c.Name}{(big ? "委员会" : "总支部委员会")}", big ? OrgKind.Committee : OrgKind.GeneralBranch, c, new DateOnly(2010, 6, 1), memberCount: 40);
        }
        var park = Add(committee, "中共天府新谷园区委员会", OrgKind.Committee, parks[0], new DateOnly(2015, 7, 1), memberCount: 20);
        await db.SaveChangesAsync(cancellationToken);

        // Courtyard branches (支部建在院落): 61 of the 64 courtyards; the last three are coverage gaps. The last 18 were founded in 2018.
        var branchCourtyards = courtyards.Take(61).ToList();
        var courtyardBranches = new List<(PartyOrganization Branch, PlaceSummary Courtyard)>();
        for (var i = 0; i < branchCourtyards.Count; i++)
        {
            var courtyard = branchCourtyards[i];
            var community = communities.First(c => courtyard.Path.StartsWith(c.Path + "/", StringComparison.Ordinal));
            var founded = i >= 61 - 18 ? new DateOnly(2018, 3 + (i % 9), 1) : new DateOnly(2012 + (i % 6), 1 + (i % 12), 1);
            courtyardBranches.Add((Add(communityOrgs[community.Id], $"中共{courtyard.Name}支部委员会", OrgKind.Branch, courtyard, founded, memberCount: 25), courtyard));
        }
        await db.SaveChangesAsync(cancellationToken);

        // Party groups per building (党小组建在楼栋): two per courtyard branch, three in the first eleven: 133.
        for (var i = 0; i < courtyardBranches.Count; i++)
        {
            var (branch, courtyard) = courtyardBranches[i];
            var own = buildings.Where(b => b.ParentId == courtyard.Id).Take(i < 11 ? 3 : 2);
            foreach (var b in own)
            {
                Add(branch, $"{courtyard.Name}{b.Name}党小组", OrgKind.PartyGroup, b, branch.FoundedOn);
            }
        }

        // Two-new organizations: 45 non-public enterprises and 16 social organizations; 27 of them with 12 members, 34 with 11 (698).
        var twoNewIndex = 0;
        int TwoNewMembers() => twoNewIndex++ < 27 ? 12 : 11;
        var npePlaces = new List<PlaceSummary> { Unit("索贝数码"), Unit("元祖食品"), Unit("三和集团") };
        Add(park, "中共索贝数码科技股份有限公司支部委员会", OrgKind.Branch, npePlaces[0], new DateOnly(2011, 5, 1), TwoNewKind.NonPublicEnterprise, memberCount: TwoNewMembers());
        Add(park, "中共元祖食品有限公司支部委员会", OrgKind.Branch, npePlaces[1], new DateOnly(2013, 9, 1), TwoNewKind.NonPublicEnterprise, memberCount: TwoNewMembers());
        Add(committee, "中共三和集团支部委员会", OrgKind.Branch, npePlaces[2], new DateOnly(2014, 4, 1), TwoNewKind.NonPublicEnterprise, memberCount: TwoNewMembers());
        for (var i = 0; i < 42; i++)
        {
            var joint = i % 10 == 9;
            var affiliated = i % 10 == 4;
            var place = i % 3 == 0 ? towers[i % towers.Count] : i % 3 == 1 ? districts[0] : parks[0];
            var founded = i < 7 ? new DateOnly(2018, 2 + i, 15) : new DateOnly(2009 + (i % 9), 1 + (i % 12), 10);
            var name = joint
                ? $"中共天府新谷{_companies[i % _companies.Length]}等企业联合支部委员会（演示）"
                : $"中共成都{_companies[i % _companies.Length]}{(i % 2 == 0 ? "科技" : "信息")}有限公司{(i / _companies.Length > 0 ? (i / _companies.Length + 1).ToString(CultureInfo.InvariantCulture) : "")}支部委员会（演示）";
            Add(place.Kind == PlaceKind.Park || place.Kind == PlaceKind.OfficeBuilding ? park : committee, name, joint ? OrgKind.JointBranch : OrgKind.Branch, place,
                founded, TwoNewKind.NonPublicEnterprise, joint ? FormationMode.Joint : affiliated ? FormationMode.Affiliated : FormationMode.Standalone,
                TwoNewMembers(), joint ? 3 + (i % 3) : 1, joint ? JointCompanies(i, 3 + (i % 3)) : null);
        }
        Add(committee, "中共成都焕然社服务中心支部委员会", OrgKind.Branch, Unit("成都焕然社服务中心"), new DateOnly(2018, 6, 1), TwoNewKind.SocialOrganization, memberCount: TwoNewMembers());
        for (var i = 0; i < 15; i++)
        {
            var community = communities[i % communities.Count];
            var founded = i == 0 ? new DateOnly(2018, 9, 1) : new DateOnly(2012 + (i % 6), 3 + (i % 9), 1);
            var place = i % 2 == 0 ? blocks[0] : community;
            Add(communityOrgs.GetValueOrDefault(community.Id, committee), $"中共{community.Name[..2]}{(i % 3 == 0 ? "社工" : i % 3 == 1 ? "志愿" : "文化")}服务社支部委员会（演示）{i + 1}",
                i % 5 == 4 ? OrgKind.JointBranch : OrgKind.Branch, place, founded, TwoNewKind.SocialOrganization,
                i % 5 == 4 ? FormationMode.Joint : FormationMode.Standalone, TwoNewMembers(), i % 5 == 4 ? 4 : 1,
                i % 5 == 4 ? JointServiceUnits(community.Name[..2], i) : null);
        }

        // Other organizations (institutions, schools, clinics, retirees): 11, 45 members each.
        Add(committee, "中共成都市文化馆石羊分馆支部委员会", OrgKind.Branch, Unit("成都市文化馆"), new DateOnly(2009, 1, 1), memberCount: 45);
        Add(committee, "中共新华文轩石羊门店支部委员会", OrgKind.Branch, Unit("新华文轩"), new DateOnly(2010, 1, 1), memberCount: 45);
        Add(communityOrgs[communities[0].Id], "中共三元小学支部委员会（演示）", OrgKind.Branch, Unit("三元小学（演示）"), new DateOnly(2008, 9, 1), memberCount: 45);
        Add(communityOrgs[communities[3].Id], "中共锦城社区卫生服务站支部委员会（演示）", OrgKind.Branch, Unit("锦城社区卫生服务站（演示）"), new DateOnly(2011, 3, 1), memberCount: 45);
        for (var i = 0; i < 7; i++)
        {
            var name = i switch
            {
                0 => "中共石羊街道机关第一支部委员会",
                1 => "中共石羊街道机关第二支部委员会",
                2 => "中共石羊街道离退休干部支部委员会",
                3 => "中共石羊街道综合执法中队支部委员会",
                4 => "中共石羊街道社区卫生服务中心总支部委员会（演示）",
                5 => "中共石羊街道城管环卫所支部委员会（演示）",
                _ => "中共石羊街道党群服务中心支部委员会",
            };
            Add(committee, name, i == 4 ? OrgKind.GeneralBranch : OrgKind.Branch, root, new DateOnly(2005 + i, 7, 1), memberCount: 45);
        }
        await db.SaveChangesAsync(cancellationToken);
        // The units each joint branch covers, by name (their number is the organization's CoveredUnits).
        foreach (var (org, names) in jointUnits)
        {
            db.AddRange(names.Select((n, i) => new JointUnit { OrganizationId = org.Id, Name = n, Position = i }));
        }

        var today = Jiayuan.Core.Text.Dates.Today(clock);
        var created = new List<(PartyOrganization Org, PartyMember Member)>();
        foreach (var (org, count) in members)
        {
            for (var i = 0; i < count; i++)
            {
                var member = NewMember(org, i, today, now);
                // Members of units, parks and two-new organizations live somewhere in the subdistrict: they are the
                // serving members (在职党员) who report to the community where they live (双报到).
                if (org.PlaceKind is not ("Community" or "Courtyard" or "Subdistrict"))
                {
                    member.HouseholdPlaceId = households[_random.Next(households.Count)].Id;
                }
                db.Add(member);
                created.Add((org, member));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await Data.OrgCounters.RefreshAsync(db, [.. members.Select(m => m.Org.Id)], cancellationToken);
        await SeedOrganizationalLifeAsync(db, courtyardBranches.Select(c => c.Branch).ToList(), created, today, now, cancellationToken);
        SeedDualRegistration(db, communities.First(c => c.Name == "府城社区"), households, created, today, now);
        SeedPointRules(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The enterprises of a demo joint branch in 天府新谷: the leading company of its name first, then the next ones of the list.</summary>
    private static List<string> JointCompanies(int i, int count) =>
        [.. Enumerable.Range(0, count).Select(k => $"成都{_companies[(i + k) % _companies.Length]}{((i + k) % 2 == 0 ? "科技" : "信息")}有限公司（演示）")];

    /// <summary>The social organizations of a demo joint branch in a community.</summary>
    private static List<string> JointServiceUnits(string community, int i) =>
        [.. new[] { "社工服务社", "志愿服务社", "文化服务社", "养老服务中心" }.Select(kind => $"成都{community}{kind}（演示）{i + 1}")];

    /// <summary>府城: its two units' organizations reported; half of the serving members living there reported; three posts on the needs list.</summary>
    private static void SeedDualRegistration(JiayuanDbContext db, PlaceSummary fucheng, IReadOnlyList<PlaceSummary> households,
        List<(PartyOrganization Org, PartyMember Member)> members, DateOnly today, DateTimeOffset now)
    {
        var here = households.Where(h => h.Path.StartsWith(fucheng.Path + "/", StringComparison.Ordinal)).Select(h => h.Id).ToHashSet();
        foreach (var org in members.Select(m => m.Org).Distinct().Where(o => o.PlaceKind == "Unit" && o.PlacePath.StartsWith(fucheng.Path + "/", StringComparison.Ordinal)))
        {
            db.Add(new DualReport { OrganizationId = org.Id, Name = org.Name, CommunityId = fucheng.Id, CommunityPath = fucheng.Path, Year = today.Year, ReportedOn = today.AddDays(-60), CreatedAt = now });
        }
        var residents = members.Where(m => m.Member.HouseholdPlaceId is { } h && here.Contains(h)).ToList();
        foreach (var (_, member) in residents.Where((_, i) => i % 2 == 0))
        {
            db.Add(new DualReport { MemberId = member.Id, Name = member.RealName, CommunityId = fucheng.Id, CommunityPath = fucheng.Path, Year = today.Year, ReportedOn = today.AddDays(-30), CreatedAt = now });
        }
        foreach (var (title, slots) in new[] { ("夜间巡逻志愿者", 10), ("“读读书吧”周末值守", 4), ("独居老人结对帮扶", 6) })
        {
            db.Add(new ServicePost { CommunityId = fucheng.Id, CommunityPath = fucheng.Path, Title = title, Slots = slots, CreatedAt = now });
        }
    }

    /// <summary>The default points table [L]: tasks up to 70, rewards up to 10, deductions up to 20 (a member's year is the sum). Admins edit it.</summary>
    private static void SeedPointRules(JiayuanDbContext db)
    {
        foreach (var (item, points, cap) in new[]
        {
            ("参加组织生活", 2, 24), ("志愿服务", 2, 20), ("认领岗位或微心愿", 5, 16), ("兑现公开承诺", 10, 10),
            ("受到表彰", 5, 10), ("无故缺席组织生活", -2, 10), ("未按时交纳党费", -5, 10),
        })
        {
            db.Add(new PointRule { Item = item, Points = points, YearlyCap = cap });
        }
    }

    private static readonly string[] _pledges =
    [
        "每月为院落独居老人上门服务一次，帮助代购生活用品。",
        "带头做好垃圾分类，担任楼栋垃圾分类督导员。",
        "每周参加一次夜间巡逻，守护院落平安。",
        "为院落儿童开设每月一次的免费书法课。",
        "认领一户困难家庭微心愿，全年跟进帮扶。",
        "参与院落停车秩序协商，推动议事会形成公约。",
    ];

    /// <summary>This year's meetings of the 府城 courtyard branches (others are left overdue, as real data would be) and some public pledges.</summary>
    private static async Task SeedOrganizationalLifeAsync(JiayuanDbContext db, List<PartyOrganization> branches, List<(PartyOrganization Org, PartyMember Member)> members,
        DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var attendance = new List<(BranchMeeting Meeting, List<PartyMember> Who)>();
        foreach (var branch in branches.Where(b => b.PlacePath.StartsWith("/510107063/002/", StringComparison.Ordinal)))
        {
            var own = members.Where(m => m.Org.Id == branch.Id).Select(m => m.Member).ToList();
            void Meeting(MeetingKind kind, DateOnly heldOn, string topic, int attendees)
            {
                var meeting = new BranchMeeting
                {
                    OrganizationId = branch.Id, PlacePath = branch.PlacePath, Kind = kind, HeldOn = heldOn, Topic = topic, Attendees = attendees,
                    MembersAtTheTime = own.Count, RecordedAt = now,
                };
                db.Add(meeting);
                attendance.Add((meeting, own.Take(attendees).ToList()));
            }
            Meeting(MeetingKind.ThemeDay, today.AddDays(-20), "主题党日：院落环境整治志愿服务", 18);
            Meeting(MeetingKind.GeneralMeeting, today.AddDays(-45), "支部党员大会：讨论院落停车改造方案", 19);
            Meeting(MeetingKind.PartyLesson, today.AddDays(-60), "书记讲党课：党建引领社区发展治理", 21);
            Meeting(MeetingKind.CommitteeMeeting, today.AddDays(-25), "支委会：研究微心愿认领安排", 5);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (meeting, who) in attendance)
        {
            db.AddRange(who.Select(m => new MeetingAttendance { MeetingId = meeting.Id, MemberId = m.Id }));
        }
        // Dues of 府城's members this year up to last month: most paid in full, every tenth three months behind, every twenty-fifth seven.
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var i0 = 0;
        foreach (var (org, member) in members.Where(m => m.Org.PlacePath.StartsWith("/510107063/002", StringComparison.Ordinal)))
        {
            var behind = i0 % 25 == 0 ? 7 : i0 % 10 == 0 ? 3 : 0;
            i0++;
            for (var month = new DateOnly(today.Year, 1, 1); month <= lastMonth.AddMonths(-behind); month = month.AddMonths(1))
            {
                if (month >= new DateOnly(member.AdmittedOn.Year, member.AdmittedOn.Month, 1))
                {
                    db.Add(new DuesPayment
                    {
                        MemberId = member.Id, OrganizationId = org.Id, PlacePath = member.PlacePath, Month = month,
                        Amount = Dues.Monthly(member.DuesBase, member.DuesCategory), PaidOn = month.AddDays(9), RecordedAt = now,
                    });
                }
            }
        }
        var pledgers = members.Where(m => m.Org.PlacePath.StartsWith("/510107063/002/", StringComparison.Ordinal) && m.Member.Status == MemberStatus.Full)
            .GroupBy(m => m.Org.Id).Select(g => g.First()).Take(_pledges.Length + 1).ToList();
        for (var i = 0; i < pledgers.Count; i++)
        {
            var (org, member) = pledgers[i];
            db.Add(new Pledge
            {
                MemberId = member.Id, PlacePath = member.PlacePath, MemberName = member.RealName, OrganizationName = org.Name, Year = today.Year,
                Text = i < _pledges.Length ? _pledges[i] : "（未同意公开的承诺）", Progress = 20 + 15 * (i % 5), Fulfilled = i == 1,
                PublicConsent = i < _pledges.Length, CreatedAt = now, UpdatedAt = now,
            });
        }
    }

    private static DateOnly? ElectionFor(DateOnly founded)
    {
        // Most organizations held their last election in 2023–2025; older ones that never re-elected show as overdue.
        return founded.Year < 2010 ? founded : new DateOnly(2023 + (founded.Month % 3), founded.Month, 1);
    }

    private string Name() => _surnames[_random.Next(_surnames.Length)] + _given[_random.Next(_given.Length)];

    private PartyMember NewMember(PartyOrganization org, int index, DateOnly today, DateTimeOffset now)
    {
        var probationary = index is 3 or 7;
        var admitted = probationary ? today.AddMonths(-_random.Next(2, 14)) : new DateOnly(1975 + _random.Next(45), 1 + _random.Next(12), 1);
        var gender = _random.Next(2) == 0 ? '男' : '女';
        var id = IdNumber(gender);
        var phone = "139" + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var category = index % 20 == 5 ? DuesCategory.Flat : index % 5 == 1 ? DuesCategory.Retired : DuesCategory.Employed;
        return new PartyMember
        {
            OrganizationId = org.Id,
            OrgPath = org.Path,
            PlacePath = org.PlacePath,
            IsTwoNew = org.TwoNew is not null,
            RealName = Name(),
            Gender = gender,
            IdNumberCipher = cipher.Protect(id),
            IdNumberHash = cipher.Hash(id),
            IdNumberMasked = Masking.IdNumber(id),
            PhoneCipher = cipher.Protect(phone),
            PhoneMasked = Masking.Phone(phone),
            Status = probationary ? MemberStatus.Probationary : MemberStatus.Full,
            AdmittedOn = admitted,
            ProbationEndsOn = admitted.AddMonths(PartyMember.ProbationMonths),
            FullSince = probationary ? null : admitted.AddMonths(PartyMember.ProbationMonths),
            WorkUnit = org.TwoNew is null ? null : org.Name.Replace("中共", "", StringComparison.Ordinal).Replace("支部委员会", "", StringComparison.Ordinal),
            IsCommitteeMember = index < (org.HasCommittee ? 5 : 1) && org.Kind != OrgKind.PartyGroup,
            DuesCategory = category,
            DuesBase = category == DuesCategory.Flat ? 0 : 2000 + _random.Next(0, 130) * 100,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A generated, checksum-valid ID number: address 510107, a birth date unique per member, a sequence of the right parity.</summary>
    private string IdNumber(char gender)
    {
        var n = ++_idSeq;
        var birth = new DateOnly(1950, 1, 1).AddDays(n * 7 % 18250);
        var seq = n % 450 * 2 + (gender == '男' ? 1 : 0);
        var first17 = "510107" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ChineseId.CheckCharacter(first17);
    }
}
