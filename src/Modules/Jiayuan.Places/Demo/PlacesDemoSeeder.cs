using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Data;
using Jiayuan.Places.Domain;

namespace Jiayuan.Places.Demo;

/// <summary>
/// The place tree of 石羊街道 (510107063) as the seed article describes it. Community codes and all names below the
/// communities are generated for the demo (CodeSource = "generated"); only the subdistrict code is the NBS one.
/// </summary>
internal sealed class PlacesDemoSeeder(TimeProvider clock) : IDemoSeeder
{
    public const string SubdistrictCode = "510107063";
    public int Order => 10;

    private sealed record CommunitySpec(string Segment, string Name, string Description, int Resettlement, int Commercial);

    // 64 courtyards in all, so that the 61 courtyard branches of the article each have one.
    private static readonly CommunitySpec[] _communities =
    [
        new("001", "三元社区", "三元社区组建了14人的社区营造师团队（空间景观5人、活动策划9人），为院落改造和社区活动出谋划策。", 6, 5),
        new("002", "府城社区", "府城社区打造“阳光家园”，与新华文轩共建“读读书吧”，与成都市文化馆共建艺术学校分校，联动28家社会组织和驻区单位。", 5, 6),
        new("003", "新园社区", "新园社区建成综治呼叫对讲平台，联防联控、一呼百应；“发展治理大家谈”全程直播；大学生创业激励基金由6家单位认领。", 6, 5),
        new("004", "锦城社区", "锦城社区以院落党支部为核心，推动院落自治和邻里互助。", 5, 5),
        new("005", "石羊社区", "（演示数据，名称为生成）农迁安置院落集中的社区。", 7, 3),
        new("006", "盛和社区", "（演示数据，名称为生成）新城商业小区集中的社区。", 3, 8),
    ];

    private static readonly string[] _resettlementNames = ["石羊", "三元", "铁像", "新乐", "永丰", "和平", "安居", "锦绣", "金桂", "紫荆", "芙蓉"];
    private static readonly string[] _commercialNames = ["天府", "锦城", "盛世", "南苑", "翠湖", "蓝岸", "云锦", "和悦", "时代", "枫林", "丽景"];

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var order = 0;
        Place Add(Place? parent, string segment, string name, PlaceKind kind, string? code = null, string codeSource = "generated")
        {
            var place = new Place
            {
                Name = name,
                Kind = kind,
                Code = code ?? (parent!.Code + "-" + segment),
                Path = parent is null ? "/" + segment : parent.ChildPath(segment),
                Depth = parent is null ? 0 : parent.Depth + 1,
                CodeSource = codeSource,
                VersionYear = 2018,
                SortOrder = order++,
                CreatedAt = now,
            };
            if (parent is not null)
            {
                place.ParentId = parent.Id;
            }
            db.Add(place);
            return place;
        }

        var root = Add(null, SubdistrictCode, "石羊街道", PlaceKind.Subdistrict, SubdistrictCode, "NBS");
        root.Description = "成都高新区石羊街道：家是石羊——一核两翼四轮驱动，党建引领城乡社区发展治理。";
        root.Latitude = 30.5606;
        root.Longitude = 104.0530;
        await db.SaveChangesAsync(cancellationToken);

        var communities = new List<Place>();
        var ci = 0;
        foreach (var spec in _communities)
        {
            var community = Add(root, spec.Segment, spec.Name, PlaceKind.Community, SubdistrictCode + spec.Segment);
            community.Description = spec.Description;
            community.Latitude = 30.55 + ci * 0.004;
            community.Longitude = 104.04 + ci * 0.003;
            communities.Add(community);
            ci++;
        }
        await db.SaveChangesAsync(cancellationToken);

        var courtyards = new List<Place>();
        var nameIndex = 0;
        for (var c = 0; c < communities.Count; c++)
        {
            var community = communities[c];
            var spec = _communities[c];
            for (var i = 0; i < spec.Resettlement + spec.Commercial; i++)
            {
                var resettlement = i < spec.Resettlement;
                var names = resettlement ? _resettlementNames : _commercialNames;
                var name = names[nameIndex++ % names.Length] + (resettlement ? "安置小区" : "花园") + (nameIndex / names.Length > 0 ? (nameIndex / names.Length + 1) + "期" : "");
                var courtyard = Add(community, (i + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), name, PlaceKind.Courtyard);
                courtyard.CourtyardType = resettlement ? CourtyardType.Resettlement : CourtyardType.Commercial;
                courtyard.Address = $"成都市高新区{community.Name[..2]}路{10 + i}号（演示地址）";
                courtyards.Add(courtyard);
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var buildings = new List<Place>();
        foreach (var courtyard in courtyards)
        {
            for (var b = 1; b <= 4; b++)
            {
                buildings.Add(Add(courtyard, b.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{b}栋", PlaceKind.Building));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var building in buildings)
        {
            for (var floor = 1; floor <= 3; floor++)
            {
                for (var door = 1; door <= 2; door++)
                {
                    var no = $"{floor}0{door}";
                    Add(building, no, $"{building.Name}{no}室", PlaceKind.Household);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var park = Add(root, "P01", "天府新谷园区", PlaceKind.Park);
        park.Description = "天府新谷园区党委搭建四个平台，服务园区企业和党员。";
        var district = Add(root, "B01", "石羊商圈", PlaceKind.BusinessDistrict);
        district.Description = "（演示数据）";
        var block = Add(root, "K01", "府城大道街区", PlaceKind.Block);
        block.Description = "（演示数据）";
        await db.SaveChangesAsync(cancellationToken);
        var tower1 = Add(park, "T01", "天府新谷1号楼", PlaceKind.OfficeBuilding);
        var tower2 = Add(park, "T02", "天府新谷2号楼", PlaceKind.OfficeBuilding);
        await db.SaveChangesAsync(cancellationToken);

        Place Unit(Place parent, string segment, string name, UnitKind kind, string description)
        {
            var unit = Add(parent, segment, name, PlaceKind.Unit);
            unit.UnitKind = kind;
            unit.Description = description;
            return unit;
        }
        Unit(tower1, "U01", "索贝数码", UnitKind.Enterprise, "为社区“党建直播平台”提供直播技术支持。");
        Unit(tower2, "U02", "元祖食品", UnitKind.Enterprise, "星月许愿：资助3名困难家庭儿童，每人每月200元，连续2年。");
        Unit(district, "U03", "三和集团", UnitKind.Enterprise, "老爷车博物馆向居民开放。");
        Unit(communities[1], "U04", "新华文轩", UnitKind.Enterprise, "与府城社区共建“读读书吧”。");
        Unit(communities[1], "U05", "成都市文化馆", UnitKind.Government, "与府城社区共建艺术学校分校。");
        Unit(communities[2], "U06", "四川武警边防总队", UnitKind.Military, "参与社区夜间巡逻200余人次。");
        Unit(block, "U07", "成都焕然社服务中心", UnitKind.SocialOrganization, "社会组织，参与社区营造。");
        Unit(communities[0], "U08", "三元小学（演示）", UnitKind.School, "（演示数据）");
        Unit(communities[3], "U09", "锦城社区卫生服务站（演示）", UnitKind.Clinic, "（演示数据）");
        await db.SaveChangesAsync(cancellationToken);
        PlaceDirectory.Invalidate();
    }
}
