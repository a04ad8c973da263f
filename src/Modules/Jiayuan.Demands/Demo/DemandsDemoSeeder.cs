using System.Text.Json;
using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Core.Privacy;
using Jiayuan.Core.Text;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Open311;
using Jiayuan.Places.Contracts;
using Microsoft.Extensions.Options;

namespace Jiayuan.Demands.Demo;

/// <summary>The demo catalogue (categories with time limits, routing rules) and demands in every state for 府城 and 新园.</summary>
internal sealed class DemandsDemoSeeder(IPlaceDirectory places, WorkCalendar calendar, TimeProvider clock, IOptions<DemandOptions> options) : IDemoSeeder
{
    public int Order => 50;

    public static readonly (string Code, string Name, string Group, DemandType Type, Urgency Urgency, string Keywords)[] Categories =
    [
        ("ENV-GARBAGE", "垃圾清运", "环境卫生", DemandType.Complaint, Urgency.Normal, "垃圾,清运,异味"),
        ("ENV-GREEN", "绿化养护", "环境卫生", DemandType.Suggestion, Urgency.Normal, "绿化,树木,草坪"),
        ("PROPERTY", "物业服务", "物业管理", DemandType.Complaint, Urgency.Normal, "物业,电梯,门禁"),
        ("PARKING", "停车秩序", "公共秩序", DemandType.Complaint, Urgency.Normal, "停车,占道"),
        ("NOISE", "噪音扰民", "公共秩序", DemandType.Complaint, Urgency.Normal, "噪音,施工,广场舞"),
        ("LIGHT", "路灯不亮", "市政设施", DemandType.Report, Urgency.Normal, "路灯,照明"),
        ("UTILITY", "停水停电停气", "水电气", DemandType.Help, Urgency.Utility, "停水,停电,燃气"),
        ("SAFETY", "安全隐患", "平安建设", DemandType.Report, Urgency.Normal, "隐患,消防,飞线充电"),
        ("ELDERLY", "养老助残", "民生服务", DemandType.Help, Urgency.Normal, "老人,助餐,残疾"),
        ("POLICY", "政策咨询", "民生服务", DemandType.Inquiry, Urgency.Normal, "社保,医保,办证"),
        ("CULTURE", "文体活动", "文化服务", DemandType.Suggestion, Urgency.Normal, "活动,培训,场地"),
        ("ENTERPRISE", "企业难题", "企业服务", DemandType.EnterpriseIssue, Urgency.Normal, "用工,政策,审批"),
    ];

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        var root = await places.RootAsync(cancellationToken);
        var units = await places.DescendantsAsync(root.Path, PlaceKind.Unit, cancellationToken);
        var parks = await places.DescendantsAsync(root.Path, PlaceKind.Park, cancellationToken);
        var culture = units.FirstOrDefault(u => u.Name == "成都市文化馆");
        var armedPolice = units.FirstOrDefault(u => u.Name.StartsWith("四川武警", StringComparison.Ordinal));
        var park = parks.Count > 0 ? parks[0] : null;
        var byCode = new Dictionary<string, Category>();
        foreach (var (code, name, group, type, urgency, keywords) in Categories)
        {
            var category = new Category
            {
                Code = code, Name = name, Group = group, DefaultType = type, DefaultUrgency = urgency, Keywords = keywords,
                Description = $"{group}：{name}",
                DefaultHandlerPath = code switch { "CULTURE" => culture?.Path, "ENTERPRISE" => park?.Path, _ => null },
            };
            if (code == "LIGHT")
            {
                category.AttributesJson = JsonSerializer.Serialize(new List<ServiceAttribute>
                {
                    new(true, "pole", "string", true, "灯杆上的编号，例如 SY-0123", 1, "灯杆编号", null),
                    new(true, "fault", "singlevaluelist", false, null, 2, "故障情况",
                        [new("off", "不亮"), new("flicker", "闪烁"), new("damaged", "灯杆损坏")]),
                }, Open311Endpoints.Json);
            }
            byCode[code] = category;
            db.Add(category);
        }
        await db.SaveChangesAsync(cancellationToken);

        var communities = await places.CommunitiesAsync(cancellationToken);
        var xinyuan = communities.First(c => c.Name == "新园社区");
        var fucheng = communities.First(c => c.Name == "府城社区");
        if (armedPolice is not null)
        {
            // Safety hazards in 新园 go to the community with the armed police's patrol as co-unit (联防联控).
            db.Add(new RoutingRule { CategoryId = byCode["SAFETY"].Id, PlacePath = xinyuan.Path, HandlerPath = xinyuan.Path, CoHandlerPaths = armedPolice.Path });
        }
        if (park is not null)
        {
            db.Add(new RoutingRule { CategoryId = null, PlacePath = park.Path, HandlerPath = park.Path });
        }

        var days = await calendar.DaysAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var courtyards = await places.DescendantsAsync(fucheng.Path, PlaceKind.Courtyard, cancellationToken);
        var xyCourtyards = await places.DescendantsAsync(xinyuan.Path, PlaceKind.Courtyard, cancellationToken);
        var n = 0;
        Demand Add(PlaceSummary community, PlaceSummary place, string code, string text, DemandStatus status, int daysAgo, double lat, double lon,
            Satisfaction? rating = null, string? reply = null)
        {
            var category = byCode[code];
            var created = now.AddDays(-daysAgo).AddHours(-(++n));
            var local = Dates.ToChina(created);
            var d = new Demand
            {
                Token = $"demo{n:D4}" + Guid.NewGuid().ToString("N")[..20], Type = category.DefaultType, CategoryId = category.Id, Urgency = category.DefaultUrgency,
                Channel = n % 3 == 0 ? DemandChannel.Phone : DemandChannel.Web, Description = text, PublicDescription = DemandRules.MaskPersonalData(text),
                PlacePath = place.Path, PlaceCode = place.Code, PlaceName = place.Name, CommunityPath = community.Path, Latitude = lat, Longitude = lon,
                RequesterName = "居民", RequesterPhoneMasked = Masking.Phone("13900000000"),
                Status = status, HandlerPath = community.Path, HandlerName = community.Name,
                CreatedAt = created, UpdatedAt = created, DispatchedAt = created, AcceptBy = created + DemandRules.AcceptLimit(category.DefaultUrgency),
                Month = local.Year * 100 + local.Month,
            };
            d.SetDeadline(created, DemandRules.Deadline(days, created, d.Urgency, d.Type, null), options.Value.UrgeAtPercent);
            db.Add(d);
            void E(DemandEventKind kind, int hours, string actor, string? note, bool isPublic = true) =>
                db.Add(new DemandEvent { Demand = d, At = created.AddHours(hours), Kind = kind, Actor = actor, Note = note, Public = isPublic, HandlerName = d.HandlerName });
            E(DemandEventKind.Registered, 0, "居民", "网上提交");
            E(DemandEventKind.Dispatched, 0, "系统", $"派至{community.Name}");
            if (status is not (DemandStatus.Dispatched or DemandStatus.Returned))
            {
                d.AcceptedAt = created.AddHours(1);
                d.RespondedInTime = true;
                E(DemandEventKind.Accepted, 1, community.Name, null);
            }
            if (status is DemandStatus.InProgress or DemandStatus.Replied or DemandStatus.Closed)
            {
                E(DemandEventKind.Progress, 5, community.Name, "已联系物业现场查看。");
            }
            if (status is DemandStatus.Replied or DemandStatus.Closed)
            {
                d.Reply = reply ?? "已处理完毕，感谢您的反映。";
                d.RepliedAt = created.AddDays(1);
                E(DemandEventKind.Replied, 24, community.Name, d.Reply);
            }
            if (status == DemandStatus.Closed)
            {
                d.Satisfaction = rating ?? Satisfaction.Satisfied;
                d.Resolved = true;
                d.ClosedAt = created.AddDays(2);
                d.ClosedOnTime = true;
                E(DemandEventKind.Rated, 48, "居民", "满意 · 已解决");
                E(DemandEventKind.Closed, 48, "系统", null);
            }
            if (status == DemandStatus.Returned)
            {
                E(DemandEventKind.Returned, 2, community.Name, "退单：权属不清。该路段由区市政部门管理，已建议转区12345。");
            }
            return d;
        }

        var fc = courtyards.Count > 0 ? courtyards[0] : fucheng;
        var xy = xyCourtyards.Count > 0 ? xyCourtyards[0] : xinyuan;
        Add(fucheng, fc, "ENV-GARBAGE", "院落垃圾桶满了两天没有清运，气味很大。", DemandStatus.Closed, 20, 30.6105, 104.0552);
        Add(fucheng, fc, "PARKING", "小区门口长期有车辆占用消防通道。", DemandStatus.InProgress, 3, 30.6107, 104.0555);
        Add(fucheng, fc, "LIGHT", "3号楼前的路灯不亮，晚上很黑。", DemandStatus.Dispatched, 0, 30.6104, 104.0551);
        Add(fucheng, fucheng, "NOISE", "晚上十点后广场舞音乐声太大，联系人张三13912345678。", DemandStatus.Replied, 4, 30.6120, 104.0570);
        Add(fucheng, fc, "ELDERLY", "希望社区食堂增加老人助餐的送餐服务。", DemandStatus.Closed, 12, 30.6101, 104.0549, Satisfaction.BasicallySatisfied);
        Add(xinyuan, xy, "SAFETY", "楼道里有电动车飞线充电，存在火灾隐患。", DemandStatus.Accepted, 1, 30.6005, 104.0452);
        Add(xinyuan, xy, "PROPERTY", "电梯经常停运，物业一直没有修好。", DemandStatus.Closed, 25, 30.6006, 104.0453, Satisfaction.Satisfied);
        Add(xinyuan, xinyuan, "LIGHT", "新园大道路灯成片不亮。", DemandStatus.Returned, 2, 30.6010, 104.0460);
        // Utilities must be answered within 24 hours: this one is two days old, so it is supervised (督办).
        Add(fucheng, fc, "UTILITY", "院落停电两天了，冰箱里的东西都坏了。", DemandStatus.InProgress, 2, 30.6103, 104.0553).Escalation = 2;
        await db.SaveChangesAsync(cancellationToken);
    }
}
