using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 633-2012 clause 4.1 Table 1 and clause 4.2 eq. (1): every breakpoint of every row.</summary>
[Trait("Area", "Standards")]
public sealed partial class IaqiCalculatorTests
{
    public static TheoryData<IaqiTable, decimal, int> Breakpoints() => BreakpointsFrom(0);

    public static TheoryData<IaqiTable, decimal, int> BreakpointsAboveZero() => BreakpointsFrom(1);

    private static TheoryData<IaqiTable, decimal, int> BreakpointsFrom(int firstColumn)
    {
        TheoryData<IaqiTable, decimal, int> data = [];
        foreach (IaqiTable table in Enum.GetValues<IaqiTable>())
        {
            decimal[] row = IaqiBreakpoints.Rows[(int)table];
            for (int j = firstColumn; j < row.Length; j++)
            {
                data.Add(table, row[j], IaqiBreakpoints.Levels[j]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Breakpoints))]
    public void Compute_AtBreakpoint_GivesThatColumnsIaqi(IaqiTable table, decimal breakpoint, int level)
    {
        IaqiResult result = IaqiCalculator.Compute(table, breakpoint);

        Assert.Equal(new IaqiResult(level, IaqiStatus.Computed), result);
    }

    [Theory]
    [MemberData(nameof(BreakpointsAboveZero))]
    public void Compute_JustUnderBreakpoint_RoundsUpToThatColumnsIaqi(IaqiTable table, decimal breakpoint, int level)
    {
        IaqiResult result = IaqiCalculator.Compute(table, breakpoint - 0.01m);

        Assert.Equal(new IaqiResult(level, IaqiStatus.Computed), result);
    }

    [Theory]
    [MemberData(nameof(Breakpoints))]
    public void Compute_JustOverBreakpoint_RoundsUpToTheNextInteger(IaqiTable table, decimal breakpoint, int level)
    {
        decimal[] row = IaqiBreakpoints.Rows[(int)table];
        IaqiResult result = IaqiCalculator.Compute(table, breakpoint + 0.01m);

        if (breakpoint < row[^1])
        {
            Assert.Equal(new IaqiResult(level + 1, IaqiStatus.Computed), result);
        }
        else if (row.Length == IaqiBreakpoints.Levels.Length)
        {
            Assert.Equal(new IaqiResult(500, IaqiStatus.AboveTable), result);
        }
        else
        {
            // Table 1 notes 2 and 3: SO2 1-h and O3 8-h above 800 µg/m³ have no IAQI from their row.
            Assert.Equal(IaqiStatus.NotApplicable, result.Status);
            Assert.Null(result.AsNullable);
        }
    }

    [Theory]
    [InlineData(IaqiTable.CoDaily, "2.2", 55)]      // JSON formula.rounding.implementation_warning: a double gives 56
    [InlineData(IaqiTable.CoDaily, "2.2000000000000", 55)] // mantissa beyond 32 bits: the decimal path
    [InlineData(IaqiTable.CoDaily, "2.1", 53)]      // 50 + 50·0.1/2 = 52.5, rounded up
    [InlineData(IaqiTable.Pm25Daily, "87", 115)]    // 100 + 50·12/40 = 115 exactly
    [InlineData(IaqiTable.Pm25Daily, "88", 117)]    // 116.25 → 117 (进位取整)
    [InlineData(IaqiTable.So2Daily, "151", 101)]    // 100 + 50·1/325 = 100.15 → 101
    [InlineData(IaqiTable.O3EightHour, "800", 300)] // README rule 2: at exactly 800 the 8-h row still applies
    [InlineData(IaqiTable.So2Hourly, "800", 200)]   // README rule 2: at exactly 800 the 1-h row still applies
    public void Compute_WorkedExamples_RoundUpExactly(IaqiTable table, string concentration, int expected)
    {
        IaqiResult result = IaqiCalculator.Compute(table, decimal.Parse(concentration, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new IaqiResult(expected, IaqiStatus.Computed), result);
    }

    [Fact]
    public void Compute_NegativeOrMissing_GivesNoIaqi()
    {
        Assert.Equal(IaqiStatus.Missing, IaqiCalculator.Compute(IaqiTable.Pm25Daily, -1m).Status);
        Assert.Equal(IaqiStatus.Missing, IaqiCalculator.Compute(IaqiTable.Pm25Daily, (decimal?)null).Status);
    }
}
