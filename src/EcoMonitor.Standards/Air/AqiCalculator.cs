namespace EcoMonitor.Standards.Air;

/// <summary>
/// Real-time (hourly) and daily AQI per HJ 633-2012 clauses 4 and 5. Pure, thread-safe, allocation-free.
/// </summary>
public static class AqiCalculator
{
    /// <summary>
    /// The real-time AQI of one hour. Sub-indices: SO2, NO2, CO, O3 on their 1-h rows; PM10 and PM2.5 1-h values on
    /// their 24-h rows (the table has no 1-h PM rows, note 4); the O3 8-h moving mean does not enter. This choice is
    /// <c>unconfirmed</c> in the JSON (<c>reports.hourly</c>) and was checked against the 2019 CNEMC publication,
    /// see docs/standards.md. SO2 1-h above 800 µg/m³: the SO2 sub-index comes from the 24-h mean (Table 1 note 2);
    /// without one, SO2 has no sub-index.
    /// </summary>
    public static AqiResult Hourly(in HourlyAqiInput input)
    {
        SubIndexValues iaqi = default;
        IaqiResult so2 = IaqiCalculator.Compute(IaqiTable.So2Hourly, input.So2);
        if (so2.Status == IaqiStatus.NotApplicable)
        {
            so2 = IaqiCalculator.Compute(IaqiTable.So2Daily, input.So2Daily);
        }

        iaqi[(int)AqiSubIndex.So2] = Store(so2);
        iaqi[(int)AqiSubIndex.No2] = Store(IaqiCalculator.Compute(IaqiTable.No2Hourly, input.No2));
        iaqi[(int)AqiSubIndex.Pm10] = Store(IaqiCalculator.Compute(IaqiTable.Pm10Daily, input.Pm10));
        iaqi[(int)AqiSubIndex.Pm25] = Store(IaqiCalculator.Compute(IaqiTable.Pm25Daily, input.Pm25));
        iaqi[(int)AqiSubIndex.Co] = Store(IaqiCalculator.Compute(IaqiTable.CoHourly, input.Co));
        iaqi[(int)AqiSubIndex.O3] = Store(IaqiCalculator.Compute(IaqiTable.O3Hourly, input.O3));
        iaqi[(int)AqiSubIndex.O3EightHour] = -1;
        return new AqiResult(iaqi);
    }

    /// <summary>
    /// The daily AQI (clause 5, Table 1 note 1): seven sub-indices from the 24-h rows of SO2, NO2, PM10, PM2.5, CO,
    /// the O3 1-h row (daily maximum 1-h) and the O3 8-h row (daily maximum 8-h). O3 8-h above 800 µg/m³ has no
    /// sub-index (Table 1 note 3); O3 is then reported by its 1-h sub-index, which is always part of the day.
    /// </summary>
    public static AqiResult Daily(in DailyAqiInput input)
    {
        SubIndexValues iaqi = default;
        iaqi[(int)AqiSubIndex.So2] = Store(IaqiCalculator.Compute(IaqiTable.So2Daily, input.So2));
        iaqi[(int)AqiSubIndex.No2] = Store(IaqiCalculator.Compute(IaqiTable.No2Daily, input.No2));
        iaqi[(int)AqiSubIndex.Pm10] = Store(IaqiCalculator.Compute(IaqiTable.Pm10Daily, input.Pm10));
        iaqi[(int)AqiSubIndex.Pm25] = Store(IaqiCalculator.Compute(IaqiTable.Pm25Daily, input.Pm25));
        iaqi[(int)AqiSubIndex.Co] = Store(IaqiCalculator.Compute(IaqiTable.CoDaily, input.Co));
        iaqi[(int)AqiSubIndex.O3] = Store(IaqiCalculator.Compute(IaqiTable.O3Hourly, input.O3MaxHour));
        iaqi[(int)AqiSubIndex.O3EightHour] = Store(IaqiCalculator.Compute(IaqiTable.O3EightHour, input.O3MaxEightHour));
        return new AqiResult(iaqi);
    }

    private static int Store(IaqiResult result) => result.HasValue ? result.Value : -1;
}
