namespace EcoMonitor.Standards.Air;

/// <summary>
/// City ranking of 城市环境空气质量排名技术规定 (<c>city-air-ranking-2018.json</c> <c>ranking</c>, confirmed):
/// ascending comprehensive index (smaller is better); equal values rank equal (并列), the next rank skips (1, 1, 3).
/// The same order and ties serve the rankings the 规定 also publishes (<c>ranking.also_published</c>): PM2.5 and
/// the single pollutants ascending, the index's change rate ascending (the largest improvement first) and the
/// good-day ratio descending.
/// </summary>
public static class CityRanking
{
    /// <summary>Ranks <paramref name="indices"/> (name, index) ascending; returns (name, index, rank) best first.</summary>
    public static IReadOnlyList<(string Name, decimal Index, int Rank)> Rank(IEnumerable<(string Name, decimal Index)> indices) =>
        Rank(indices, isDescending: false);

    /// <summary>
    /// Ranks <paramref name="values"/> (name, value), ascending or, when <paramref name="isDescending"/>, descending
    /// (larger is better, as the good-day ratio); equal values share a rank (1, 1, 3); names order equal values
    /// (ordinal). Returns (name, value, rank) best first.
    /// </summary>
    public static IReadOnlyList<(string Name, decimal Index, int Rank)> Rank(IEnumerable<(string Name, decimal Index)> values, bool isDescending)
    {
        ArgumentNullException.ThrowIfNull(values);
        (string Name, decimal Index)[] sorted = isDescending
            ? [.. values.OrderByDescending(c => c.Index).ThenBy(c => c.Name, StringComparer.Ordinal)]
            : [.. values.OrderBy(c => c.Index).ThenBy(c => c.Name, StringComparer.Ordinal)];
        List<(string, decimal, int)> ranked = new(sorted.Length);
        for (int i = 0; i < sorted.Length; i++)
        {
            int rank = i > 0 && sorted[i].Index == sorted[i - 1].Index ? ranked[i - 1].Item3 : i + 1;
            ranked.Add((sorted[i].Name, sorted[i].Index, rank));
        }

        return ranked;
    }
}
