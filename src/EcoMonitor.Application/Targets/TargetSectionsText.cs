using System.Globalization;
using System.Text;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Targets;

/// <summary>
/// The engines' shared column text of <see cref="RegionTargets.SectionClasses"/>: <c>MN=class</c> pairs separated by
/// <c>;</c>, ordered by MN (an MN never holds <c>;</c> or <c>=</c>); empty for none.
/// </summary>
public static class TargetSectionsText
{
    /// <summary>The text of <paramref name="sections"/>.</summary>
    public static string Format(IReadOnlyList<SectionTargetClass> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var text = new StringBuilder();
        foreach (SectionTargetClass s in sections.OrderBy(s => s.Section.Value, StringComparer.Ordinal))
        {
            text.Append(text.Length > 0 ? ";" : string.Empty).Append(s.Section.Value).Append('=').Append(s.Class.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The sections of a stored text (<see cref="Format"/>).</summary>
    /// <exception cref="FormatException">The text was not written by <see cref="Format"/>.</exception>
    public static IReadOnlyList<SectionTargetClass> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var sections = new List<SectionTargetClass>();
        foreach (string pair in text.Split(';'))
        {
            int at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at < 0 || !StationId.TryParse(pair.AsSpan(0, at), out StationId id)
                || !int.TryParse(pair.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int target))
            {
                throw new FormatException($"'{pair}' is not a stored section target (MN=class).");
            }

            sections.Add(new SectionTargetClass(id, target));
        }

        return sections;
    }
}
