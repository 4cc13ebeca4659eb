using System.Text;

namespace EcoMonitor.Application.Import;

/// <summary>Splits one CSV line (RFC 4180 quoting within a line: "a,b" and "" for a quote; no line breaks inside fields).</summary>
internal static class CsvFields
{
    /// <summary>Fills <paramref name="fields"/> with the line's fields, trimmed of surrounding spaces; false on an unterminated quote.</summary>
    public static bool Split(string line, List<string> fields)
    {
        fields.Clear();
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            foreach (string field in line.Split(','))
            {
                fields.Add(field.Trim());
            }

            return true;
        }

        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return !quoted;
    }
}
