using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Domain;

/// <summary>
/// Monthly Party dues [中组部《关于中国共产党党费收缴、使用和管理的规定》2008]: a flat rate on the whole monthly after-tax
/// base; bounds belong to the lower band ("3000 元以下（含）"). The table is kept here, in one place.
/// </summary>
internal static class Dues
{
    /// <summary>(upper bound inclusive, rate) for members in work; the last band has no bound.</summary>
    public static readonly IReadOnlyList<(decimal UpTo, decimal Rate)> EmployedBands = [(3000m, 0.005m), (5000m, 0.01m), (10000m, 0.015m), (decimal.MaxValue, 0.02m)];

    public static readonly IReadOnlyList<(decimal UpTo, decimal Rate)> RetiredBands = [(5000m, 0.005m), (decimal.MaxValue, 0.01m)];

    public const decimal FlatMonthly = 0.20m;

    /// <summary>The rate that applies to <paramref name="monthlyBase"/>.</summary>
    public static decimal Rate(decimal monthlyBase, DuesCategory category)
    {
        if (category == DuesCategory.Flat)
        {
            return 0m;
        }
        var bands = category == DuesCategory.Retired ? RetiredBands : EmployedBands;
        return bands.First(b => monthlyBase <= b.UpTo).Rate;
    }

    /// <summary>Monthly dues in yuan, rounded to the fen.</summary>
    public static decimal Monthly(decimal monthlyBase, DuesCategory category)
    {
        if (monthlyBase < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyBase), "The base cannot be negative.");
        }
        return category == DuesCategory.Flat
            ? FlatMonthly
            : Math.Round(monthlyBase * Rate(monthlyBase, category), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>At most this many months may be paid back.</summary>
    public const int MaxBackPaymentMonths = 6;
}
