namespace EcoMonitor.Standards.Air;

/// <summary>
/// City ranking of 城市环境空气质量排名技术规定 (<c>city-air-ranking-2018.json</c> <c>ranking</c>, confirmed):
/// ascending comprehensive index (smaller is better); equal values rank equal (并列), the next rank skips (1, 1, 3).
/// </summary>
public static class CityRanking
{
    /// <summary>Ranks <paramref name="indices"/> (name, index); returns (name, index, rank) best first.</summary>
    public static IReadOnlyList<(string Name, decimal Index, int Rank)> Rank(IEnumerable<(string Name, decimal Index)> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        (string Name, decimal Index)[] sorted = [.. indices.OrderBy(c => c.Index).ThenBy(c => c.Name, StringComparer.Ordinal)];
        List<(string, decimal, int)> ranked = new(sorted.Length);
        for (int i = 0; i < sorted.Length; i++)
        {
            int rank = i > 0 && sorted[i].Index == sorted[i - 1].Index ? ranked[i - 1].Item3 : i + 1;
            ranked.Add((sorted[i].Name, sorted[i].Index, rank));
        }

        return ranked;
    }
}
