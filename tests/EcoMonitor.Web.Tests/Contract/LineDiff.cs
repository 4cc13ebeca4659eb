using System.Text;

namespace EcoMonitor.Web.Tests.Contract;

/// <summary>
/// A readable line diff for an approval failure, like <c>diff -u</c> without the file header: <c>-</c> lines of the
/// approved text, <c>+</c> lines of the received one, three lines of context, <c>@@ line N @@</c> (of the approved
/// text) before each hunk. The lines between the common start and end are matched by a longest common subsequence
/// (O(n·m) on that middle only; beyond <see cref="MaxMiddleCells"/> the middle is shown as removed and added).
/// </summary>
internal static class LineDiff
{
    private const int Context = 3;
    private const long MaxMiddleCells = 16_000_000;

    /// <summary>The diff of <paramref name="approved"/> to <paramref name="received"/>, at most <paramref name="maxLines"/> lines.</summary>
    public static string Of(string approved, string received, int maxLines = 150)
    {
        List<(char Mark, int Line, string Text)> script = Script(approved.Split('\n'), received.Split('\n'));
        var text = new StringBuilder();
        int lines = 0;
        int lastShown = -2;
        for (int i = 0; i < script.Count; i++)
        {
            bool isNearChange = false;
            for (int j = Math.Max(0, i - Context); j <= Math.Min(script.Count - 1, i + Context) && !isNearChange; j++)
            {
                isNearChange = script[j].Mark != ' ';
            }

            if (!isNearChange)
            {
                continue;
            }

            if (lines++ == maxLines)
            {
                return text.Append("… (diff cut at ").Append(maxLines).Append(" lines)\n").ToString();
            }

            if (i != lastShown + 1)
            {
                text.Append("@@ line ").Append(script[i].Line + 1).Append(" @@\n");
            }

            text.Append(script[i].Mark).Append(' ').Append(script[i].Text).Append('\n');
            lastShown = i;
        }

        return text.ToString();
    }

    // Every line of both texts in order: ' ' in both, '-' approved only, '+' received only; Line = approved line index.
    private static List<(char Mark, int Line, string Text)> Script(string[] a, string[] b)
    {
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        int end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)])
        {
            end++;
        }

        var script = new List<(char, int, string)>(a.Length + b.Length);
        for (int i = 0; i < start; i++)
        {
            script.Add((' ', i, a[i]));
        }

        int aEnd = a.Length - end;
        int bEnd = b.Length - end;
        if ((long)(aEnd - start) * (bEnd - start) > MaxMiddleCells)
        {
            script.AddRange(Enumerable.Range(start, aEnd - start).Select(i => ('-', i, a[i])));
            script.AddRange(Enumerable.Range(start, bEnd - start).Select(j => ('+', aEnd, b[j])));
        }
        else
        {
            // lcs[i, j]: length of the longest common subsequence of a[start + i .. aEnd) and b[start + j .. bEnd).
            int[,] lcs = new int[aEnd - start + 1, bEnd - start + 1];
            for (int i = aEnd - start - 1; i >= 0; i--)
            {
                for (int j = bEnd - start - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0;
            int y = 0;
            while (start + x < aEnd || start + y < bEnd)
            {
                if (start + x < aEnd && start + y < bEnd && a[start + x] == b[start + y])
                {
                    script.Add((' ', start + x, a[start + x]));
                    x++;
                    y++;
                }
                else if (start + x < aEnd && (start + y == bEnd || lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    script.Add(('-', start + x, a[start + x++]));
                }
                else
                {
                    script.Add(('+', start + x, b[start + y++]));
                }
            }
        }

        for (int i = aEnd; i < a.Length; i++)
        {
            script.Add((' ', i, a[i]));
        }

        return script;
    }
}
