using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Microsoft.EntityFrameworkCore;
using Jiayuan.Places.Contracts;

namespace Jiayuan.Consultation.Demo;

/// <summary>
/// The owner roster of 新园社区's first courtyard (its 24 households as units; one owner holds two units, two units are
/// unsold) and one open decision on using the maintenance fund, with some ballots. Names are fictional. The demo
/// resident 居小民 (jumin) owns a flat there, so the online vote can be tried.
/// </summary>
internal sealed class ConsultationDemoSeeder(IPlaceDirectory places, TimeProvider clock) : IDemoSeeder
{
    public const string CourtyardCode = "510107063003-01";

    private static readonly string[] _surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁"];

    public int Order => 50;

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        var courtyard = await places.FindByCodeAsync(CourtyardCode, cancellationToken);
        if (courtyard is null)
        {
            return;
        }
        var households = await places.DescendantsAsync(courtyard.Path, PlaceKind.Household, cancellationToken);
        var now = clock.GetUtcNow();
        var jumin = await db.Users.Where(u => u.UserName == "jumin").Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var owners = new List<CompoundOwner>();
        for (var i = 0; i < 21; i++)
        {
            owners.Add(new CompoundOwner
            {
                CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, Name = _surnames[i] + (i % 2 == 0 ? "建国" : "秀英"),
                UserId = i == 0 ? jumin : null, CreatedAt = now,
            });
        }
        var developer = new CompoundOwner { CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, Name = "开发商（未售房屋）", IsDeveloper = true, CreatedAt = now };
        db.AddRange(owners);
        db.Add(developer);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < households.Count; i++)
        {
            // 21 owners for 24 units: owner 1 (王建国) holds a second unit; the last two are unsold.
            var owner = i < 21 ? owners[i] : i == 21 ? owners[1] : developer;
            var hundredths = 6_000 + (i * 731 % 6_000) + (i % 3) * 1_250;
            db.Add(new CompoundUnit { CourtyardId = courtyard.Id, Label = households[i].Name, AreaHundredths = hundredths, OwnerId = owner.Id, CreatedAt = now });
        }
        var decision = new OwnersDecision
        {
            CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, CourtyardName = courtyard.Name, Matter = 5,
            Title = "使用专项维修资金更换2栋电梯", Description = "2栋电梯运行超过15年，经检测需整体更换，拟使用专项维修资金约38万元。",
            OpensAt = now.AddDays(-3), ClosesAt = now.AddDays(11), CreatedAt = now,
        };
        db.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        // Ten ballots so far (not jumin's): eight online, two on paper.
        for (var i = 1; i <= 10; i++)
        {
            db.Add(new OwnerBallot
            {
                DecisionId = decision.Id, OwnerId = owners[i].Id, Choice = i <= 7 ? BallotChoice.Yes : i <= 9 ? BallotChoice.No : BallotChoice.Abstain,
                Channel = i <= 8 ? BallotChannel.Online : BallotChannel.Paper, PaperNumber = i <= 8 ? null : $"XY01-{i:D3}", CastAt = now.AddDays(-2),
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        // A poll of 新园's residents, results shown live; its residents' council with a meeting.
        var community = await places.FindByCodeAsync("510107063003", cancellationToken);
        if (community is not null)
        {
            var council = new Body { PlaceId = community.Id, PlacePath = community.Path, PlaceName = community.Name, Kind = BodyKind.ResidentsCouncil, Name = "新园社区居民议事会", CreatedAt = now };
            db.Add(council);
            await db.SaveChangesAsync(cancellationToken);
            var logins = await db.Users.Where(u => u.UserName == "xinyuan" || u.UserName == "lianfang").ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
            db.Add(new BodyMember { BodyId = council.Id, Name = "新小园", Organization = "新园社区居委会", UserId = logins.GetValueOrDefault("xinyuan"), Chair = true, JoinedAt = now });
            db.Add(new BodyMember { BodyId = council.Id, Name = "联小防", Organization = "联防队", UserId = logins.GetValueOrDefault("lianfang"), JoinedAt = now });
            foreach (var (name, org) in new[] { ("陈秀英", "居民代表"), ("杨建国", "业主委员会"), ("赵秀英", "物业服务中心") })
            {
                db.Add(new BodyMember { BodyId = council.Id, Name = name, Organization = org, JoinedAt = now });
            }
            var meeting = new Meeting
            {
                BodyId = council.Id, PlacePath = community.Path, Title = "发展治理大家谈（第12期）", StartsAt = now.AddDays(5), Location = "新园社区党群服务中心二楼",
                StreamUrl = "https://live.example.cn/xinyuan/12", CheckInCode = "202612", CreatedAt = now,
            };
            db.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new AgendaItem { MeetingId = meeting.Id, Position = 1, Title = "口袋公园改造方案" });
            db.Add(new AgendaItem { MeetingId = meeting.Id, Position = 2, Title = "院落停车秩序" });
            await db.SaveChangesAsync(cancellationToken);
            // This year's community fund (32.46 万元, the article's figure), open for proposals.
            var fund = new Fund
            {
                PlaceId = community.Id, PlacePath = community.Path, PlaceName = community.Name, Year = Jiayuan.Core.Text.Dates.Today(clock).Year, AmountFen = 32_460_000,
                ProposalsUntil = now.AddDays(10), HearingAt = now.AddDays(20), DecisionBy = now.AddDays(30), ImplementationUntil = now.AddDays(200), AcceptanceBy = now.AddDays(230),
                CreatedAt = now,
            };
            db.Add(fund);
            await db.SaveChangesAsync(cancellationToken);
            if (logins.TryGetValue("lianfang", out var proposer))
            {
                db.Add(new FundProject { FundId = fund.Id, Title = "院落微更新：3号桶站除臭与绿化", Category = FundCategory.CourtyardEnvironment, BudgetFen = 4_800_000, ProposedById = proposer, Status = FundProjectStatus.Proposed, CreatedAt = now });
                db.Add(new FundProject { FundId = fund.Id, Title = "老年人智能手机课堂", Category = FundCategory.ResidentSkills, BudgetFen = 1_200_000, ProposedById = proposer, Status = FundProjectStatus.Proposed, CreatedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            if (logins.TryGetValue("lianfang", out var lianfang))
            {
                db.Add(new Topic
                {
                    PlaceId = community.Id, PlacePath = community.Path, PlaceName = community.Name, Category = TopicCategory.Environment, Title = "小区垃圾分类桶站异味大，建议加装除臭设施",
                    Text = "3号桶站夏天异味明显，建议议事会讨论加装除臭喷淋并调整清运时间。", AuthorId = lianfang, AuthorName = "联小防", RoutedBodyId = council.Id,
                    RoutedBodyName = council.Name, CreatedAt = now.AddDays(-2),
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            var poll = new Poll
            {
                PlaceId = community.Id, PlacePath = community.Path, PlaceName = community.Name, Title = "社区口袋公园改造，你最希望增加什么？",
                Description = "议事会将根据投票结果确定改造方案，并提交社区保障资金听证。", Kind = PollKind.SingleChoice, Electorate = PollElectorate.PlaceSubtree,
                MaxChoices = 1, QuorumPercent = 0, RequiredSharePercent = 50, LiveResults = true, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(13), CreatedAt = now,
            };
            db.Add(poll);
            await db.SaveChangesAsync(cancellationToken);
            var position = 0;
            foreach (var text in new[] { "儿童游乐设施", "健身器材", "休闲座椅和遮阳棚", "社区菜园" })
            {
                db.Add(new PollOption { PollId = poll.Id, Position = ++position, Text = text });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        // 三元社区's team of community builders: 5 for space and landscape, 9 for activities (names fictional).
        var sanyuan = await places.FindByCodeAsync("510107063001", cancellationToken);
        if (sanyuan is not null)
        {
            var yingzao = await db.Users.Where(u => u.UserName == "yingzao").Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
            string[] schools = ["西南交通大学", "四川大学", "西南民族大学", "成都大学"];
            for (var i = 0; i < 14; i++)
            {
                var space = i < 5;
                var builder = new Builder
                {
                    Name = (i == 0 ? "营小造" : _surnames[i] + (space ? "设计" : "活动")), Specialty = space ? BuilderSpecialty.Space : BuilderSpecialty.Activity,
                    School = schools[i % schools.Length], Background = space ? "景观与空间设计" : "社区活动策划", Local = i % 3 != 0, UserId = i == 0 ? yingzao : null, CreatedAt = now,
                };
                db.Add(builder);
                await db.SaveChangesAsync(cancellationToken);
                db.Add(new BuilderAssignment { BuilderId = builder.Id, PlaceId = sanyuan.Id, PlacePath = sanyuan.Path, Since = now });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
