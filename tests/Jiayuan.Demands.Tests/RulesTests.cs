using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Metrics;

namespace Jiayuan.Demands.Tests;

/// <summary>The pure rules: the statutory calendar, time limits, the state table, masking, the rate formula.</summary>
public class RulesTests
{
    private static readonly Dictionary<DateOnly, CalendarDay> Days = WorkCalendar.Shipped.ToDictionary(d => d.Date);

    private static DateTimeOffset China(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Three_Working_Days_Across_National_Day_End_On_The_MakeUp_Saturday()
    {
        // Dispatched Wednesday 30 Sep 2026: 1–7 Oct are holidays, Thu 8 and Fri 9 count, Saturday 10 Oct is a make-up working day.
        var deadline = WorkCalendar.AddWorkingDays(Days, China(2026, 9, 30), 3);
        Assert.Equal(China(2026, 10, 11, 0), deadline);
    }

    [Fact]
    public void The_MakeUp_Sunday_Before_National_Day_Counts_And_The_Holiday_Does_Not()
    {
        // Friday 18 Sep 2026 + 2 working days: Saturday 19 is off, Sunday 20 is a make-up working day, Monday 21 → ends Monday night.
        Assert.Equal(China(2026, 9, 22, 0), WorkCalendar.AddWorkingDays(Days, China(2026, 9, 18), 2));
        // An ordinary weekend: Friday + 1 working day = Monday.
        Assert.Equal(China(2026, 11, 10, 0), WorkCalendar.AddWorkingDays(Days, China(2026, 11, 6), 1));
        Assert.True(WorkCalendar.IsWorkday(Days, new DateOnly(2026, 10, 10)));
        Assert.False(WorkCalendar.IsWorkday(Days, new DateOnly(2026, 10, 5)));
        Assert.Equal(3, WorkCalendar.WorkingDaysBetween(Days, China(2026, 9, 30), China(2026, 10, 10)));
    }

    [Fact]
    public void Time_Limits_Follow_Urgency_And_Type()
    {
        var at = China(2026, 11, 2);
        Assert.Equal(at.AddHours(2), DemandRules.Deadline(Days, at, Urgency.Emergency, DemandType.Complaint, null));
        Assert.Equal(at.AddHours(24), DemandRules.Deadline(Days, at, Urgency.Utility, DemandType.Help, null));
        Assert.Equal(China(2026, 11, 6, 0), DemandRules.Deadline(Days, at, Urgency.Normal, DemandType.Inquiry, null));
        Assert.Equal(China(2026, 11, 20, 0), DemandRules.Deadline(Days, at, Urgency.Normal, DemandType.Complaint, null));
        Assert.Equal(China(2026, 11, 24, 0), DemandRules.Deadline(Days, at, Urgency.Complex, DemandType.Complaint, null));
        Assert.Equal(TimeSpan.FromHours(1), DemandRules.AcceptLimit(Urgency.Emergency));
    }

    [Theory]
    [InlineData(DemandStatus.Dispatched, DemandAction.Accept, true)]
    [InlineData(DemandStatus.Dispatched, DemandAction.Reply, false)]
    [InlineData(DemandStatus.Accepted, DemandAction.Return, false)]
    [InlineData(DemandStatus.Accepted, DemandAction.Reply, true)]
    [InlineData(DemandStatus.Reopened, DemandAction.Reply, true)]
    [InlineData(DemandStatus.InProgress, DemandAction.Rate, false)]
    [InlineData(DemandStatus.Replied, DemandAction.Rate, true)]
    [InlineData(DemandStatus.Closed, DemandAction.Progress, false)]
    [InlineData(DemandStatus.Returned, DemandAction.Dispatch, true)]
    [InlineData(DemandStatus.Closed, DemandAction.Dispatch, false)]
    [InlineData(DemandStatus.Replied, DemandAction.RequestExtension, false)]
    internal void State_Table(DemandStatus status, DemandAction action, bool allowed) => Assert.Equal(allowed, DemandRules.Allows(status, action));

    [Fact]
    public void Personal_Data_Inside_The_Text_Is_Masked()
    {
        var masked = DemandRules.MaskPersonalData("我叫李四，身份证510107199001011234，电话13912345678，座机028-85551234，邮箱li@example.com，住3栋2单元501室。", "李四");
        Assert.DoesNotContain("13912345678", masked);
        Assert.DoesNotContain("510107199001011234", masked);
        Assert.DoesNotContain("85551234", masked);
        Assert.DoesNotContain("li@example.com", masked);
        Assert.DoesNotContain("501", masked);
        Assert.DoesNotContain("李四", masked);
        Assert.Contains("139****5678", masked);
        Assert.Contains("3栋2单元**室", masked);
    }

    [Fact]
    public void Rates_Round_Half_Away_From_Zero_And_Are_Null_Without_A_Denominator()
    {
        Assert.Equal(66.7m, DemandMetrics.Rate(2 * 100, 3));
        Assert.Equal(12.5m, DemandMetrics.Rate(100, 8));
        Assert.Null(DemandMetrics.Rate(0, 0));
        Assert.Equal(83.3m, DemandMetrics.Rate(2 * 100 + 1 * 50, 3));
    }
}
