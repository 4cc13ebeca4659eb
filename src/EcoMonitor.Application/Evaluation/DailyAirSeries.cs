using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The daily values of one subject over a period, as columns (one slot per day from <see cref="FirstDay"/> to
/// <see cref="LastDay"/>): what HJ 663 period statistics read. A day without a stored result has nulls and is not
/// valid. Built by a store (<see cref="IEvaluationStore.QueryDailySeriesAsync"/>) or from records
/// (<see cref="GroupBySubject"/>); not thread-safe while being filled, read-only afterwards by convention.
/// </summary>
public sealed class DailyAirSeries
{
    /// <summary>Items per day, in the order <see cref="Set(int, ReadOnlySpan{decimal?}, int?, bool)"/> takes them: SO2, NO2, PM10, PM2.5, CO, O3 max 1-h, O3 max 8-h.</summary>
    public const int ItemCount = 7;

    private readonly decimal?[][] _items;
    private readonly int?[] _aqi;
    private readonly bool[] _isValid;
    private readonly bool[] _isStored;

    /// <summary>An empty series (every day missing) of <paramref name="subject"/> from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    public DailyAirSeries(EvaluationSubject subject, LocalDate firstDay, LocalDate lastDay)
    {
        int count = Period.DaysBetween(firstDay, lastDay) + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(lastDay));
        Subject = subject;
        FirstDay = firstDay;
        LastDay = lastDay;
        _items = new decimal?[ItemCount][];
        for (int i = 0; i < ItemCount; i++)
        {
            _items[i] = new decimal?[count];
        }

        _aqi = new int?[count];
        _isValid = new bool[count];
        _isStored = new bool[count];
    }

    /// <summary>Station, city or county.</summary>
    public EvaluationSubject Subject { get; }

    /// <summary>First day (China Standard Time).</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Last day, inclusive.</summary>
    public LocalDate LastDay { get; }

    /// <summary>Days in the period.</summary>
    public int Count => _aqi.Length;

    /// <summary>SO2 24-h means, µg/m³, per day.</summary>
    public IReadOnlyList<decimal?> So2 => _items[0];

    /// <summary>NO2 24-h means, µg/m³, per day.</summary>
    public IReadOnlyList<decimal?> No2 => _items[1];

    /// <summary>PM10 24-h means, µg/m³, per day.</summary>
    public IReadOnlyList<decimal?> Pm10 => _items[2];

    /// <summary>PM2.5 24-h means, µg/m³, per day.</summary>
    public IReadOnlyList<decimal?> Pm25 => _items[3];

    /// <summary>CO 24-h means, mg/m³, per day.</summary>
    public IReadOnlyList<decimal?> Co => _items[4];

    /// <summary>O3 maximum 1-h values, µg/m³, per day.</summary>
    public IReadOnlyList<decimal?> O3MaxHour => _items[5];

    /// <summary>O3 daily maximum 8-h means, µg/m³, per day.</summary>
    public IReadOnlyList<decimal?> O3MaxEightHour => _items[6];

    /// <summary>Daily AQI per day.</summary>
    public IReadOnlyList<int?> Aqi => _aqi;

    /// <summary>Per day: all seven daily values valid (see <see cref="DailyAqiRecord.IsValid"/>).</summary>
    public IReadOnlyList<bool> IsValid => _isValid;

    /// <summary>Days of the period with a stored result.</summary>
    public int StoredDays { get; private set; }

    /// <summary>
    /// Sets the values of <paramref name="day"/>: <paramref name="items"/> in the order of <see cref="ItemCount"/>.
    /// A day outside the period is ignored (a store may read whole months).
    /// </summary>
    public void Set(LocalDate day, ReadOnlySpan<decimal?> items, int? aqi, bool isValid) =>
        Set(Period.DaysBetween(FirstDay, day), items, aqi, isValid);

    /// <summary>As <see cref="Set(LocalDate, ReadOnlySpan{decimal?}, int?, bool)"/>, the day given as days after <see cref="FirstDay"/>.</summary>
    public void Set(int offset, ReadOnlySpan<decimal?> items, int? aqi, bool isValid)
    {
        if (items.Length != ItemCount)
        {
            throw new ArgumentException($"A day has {ItemCount} items, not {items.Length}.", nameof(items));
        }

        if (offset < 0 || offset >= Count)
        {
            return;
        }

        for (int i = 0; i < ItemCount; i++)
        {
            _items[i][offset] = items[i];
        }

        _aqi[offset] = aqi;
        _isValid[offset] = isValid;
        if (!_isStored[offset])
        {
            _isStored[offset] = true;
            StoredDays++;
        }
    }

    /// <summary>
    /// Leaves <paramref name="day"/> out (as if nothing were stored for it): its values, AQI and validity are cleared.
    /// A day outside the period is ignored.
    /// </summary>
    public void Clear(LocalDate day)
    {
        int offset = Period.DaysBetween(FirstDay, day);
        if (offset < 0 || offset >= Count)
        {
            return;
        }

        for (int i = 0; i < ItemCount; i++)
        {
            _items[i][offset] = null;
        }

        _aqi[offset] = null;
        _isValid[offset] = false;
        if (_isStored[offset])
        {
            _isStored[offset] = false;
            StoredDays--;
        }
    }

    /// <summary>Sets the values of the record's day (a record of another subject is refused).</summary>
    public void Set(DailyAqiRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Subject != Subject)
        {
            throw new ArgumentException($"The record is of {record.Subject}, the series of {Subject}.", nameof(record));
        }

        Set(record.Day, [record.So2, record.No2, record.Pm10, record.Pm25, record.Co, record.O3MaxHour, record.O3MaxEightHour], record.Aqi, record.IsValid);
    }

    /// <summary>
    /// One series per subject of <paramref name="records"/>, in the order the subjects first appear; records outside
    /// the period are ignored.
    /// </summary>
    public static IReadOnlyList<DailyAirSeries> GroupBySubject(IEnumerable<DailyAqiRecord> records, LocalDate firstDay, LocalDate lastDay)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<DailyAirSeries> series = [];
        Dictionary<EvaluationSubject, DailyAirSeries> bySubject = [];
        foreach (DailyAqiRecord record in records)
        {
            if (!bySubject.TryGetValue(record.Subject, out DailyAirSeries? one))
            {
                one = new DailyAirSeries(record.Subject, firstDay, lastDay);
                bySubject.Add(record.Subject, one);
                series.Add(one);
            }

            one.Set(record);
        }

        return series;
    }
}
