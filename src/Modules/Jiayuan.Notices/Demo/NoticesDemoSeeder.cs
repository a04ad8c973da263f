using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Core.Text;
using Jiayuan.Notices.Contracts;
using Jiayuan.Notices.Domain;
using Jiayuan.Places.Contracts;

namespace Jiayuan.Notices.Demo;

/// <summary>Notices on every board of the demo communities, in the article's words where it has them.</summary>
internal sealed class NoticesDemoSeeder(IPlaceDirectory places, TimeProvider clock) : IDemoSeeder
{
    public int Order => 30;

    public async Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken)
    {
        var root = await places.RootAsync(cancellationToken);
        var communities = await places.CommunitiesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var n = 0;
        void Add(PlaceSummary place, NoticeBoard board, string title, string html, bool pinned = false)
        {
            var sanitized = RichText.Sanitize(html);
            db.Add(new Notice
            {
                PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, Board = board, Title = title, BodyHtml = sanitized,
                BodyText = RichText.ToPlainText(sanitized), PublishAt = now.AddHours(-(++n) * 7), Pinned = pinned,
                AuthorName = place.Kind == PlaceKind.Subdistrict ? "石羊街道党群服务中心" : place.Name + "居委会", CreatedAt = now, UpdatedAt = now,
            });
        }

        Add(root, NoticeBoard.PartyAffairs, "家是石羊：党建引领城乡社区发展治理工作方案",
            "<p>辖区有中共党组织141个，其中两新组织61个；党员2995名，其中两新党员698名。坚持“一核两翼四轮驱动”，建设和美家园、活力家园、文润家园、智慧家园。</p>", true);
        Add(root, NoticeBoard.ResidentAffairs, "21类精品课程免费开课", "<p>舞蹈、绘画、音乐等21类精品课程面向辖区居民免费开放，欢迎报名。</p>");
        Add(root, NoticeBoard.LabourSecurity, "大学生创业激励基金申报指南", "<p>驻区单位可认领大学生创业激励基金，支持青年在社区创业。</p>");
        foreach (var c in communities)
        {
            Add(c, NoticeBoard.Property, $"{c.Name}二次供水水箱清洗通知", "<p>本周六 9:00–17:00 清洗二次供水水箱，期间暂停供水，请提前储水。</p>", pinned: c.Name == "府城社区");
            Add(c, NoticeBoard.FamilyPlanning, "免费孕前优生健康检查", "<p>符合条件的家庭可到社区卫生服务站预约免费孕前优生健康检查。</p>");
            Add(c, NoticeBoard.CivilAffairs, "高龄津贴申领提醒", "<p>80周岁以上老人高龄津贴申领材料：身份证、户口簿、银行卡。</p>");
            Add(c, NoticeBoard.LabourSecurity, "城乡居民养老保险缴费期", "<p>城乡居民基本养老保险本年度缴费期即将结束，请及时缴纳。</p>");
            Add(c, NoticeBoard.Sanitation, "垃圾分类桶站调整公告", "<p>院落垃圾分类桶站位置调整，请按新的投放点和时间投放。</p>");
            Add(c, NoticeBoard.ResidentAffairs, $"{c.Name}居民议事会会议纪要", "<p>议事会讨论了院落停车和绿化改造，形成决议并公示。</p>");
            Add(c, NoticeBoard.Finance, $"{c.Name}社区保障资金使用公示", "<p>本年度社区发展治理专项保障资金使用情况公示如下，接受居民监督。</p>");
        }
        var fucheng = communities.FirstOrDefault(c => c.Name == "府城社区");
        if (fucheng is not null)
        {
            Add(fucheng, NoticeBoard.ResidentAffairs, "“读读书吧”开放时间", "<p>府城社区与新华文轩共建的“读读书吧”每天 9:00–21:00 开放。</p>");
        }
        var xinyuan = communities.FirstOrDefault(c => c.Name == "新园社区");
        if (xinyuan is not null)
        {
            Add(xinyuan, NoticeBoard.ResidentAffairs, "“发展治理大家谈”将全程直播", "<p>本期“发展治理大家谈”由索贝数码提供技术支持，全程直播。</p>");
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
