namespace MCPilot.Discord.Webhooks;

/// <summary>
/// Splits content longer than Discord's 2000 characters into messages, cutting at a paragraph
/// break, else a line break, else a space, and never inside a code block: a code block that
/// fits in one message moves whole to the next one. Only a code block longer than a message
/// is cut, at a line, and then closed with a fence and reopened (same language) in the next.
/// </summary>
public static class DiscordMessageSplitter
{
    private const string Fence = "```";
    private const string CloseFence = "\n```";

    /// <summary>Splits <paramref name="content"/> into parts of at most <paramref name="maxLength"/> characters.</summary>
    public static IReadOnlyList<string> Split(string content, int maxLength = 2000)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 64);
        if (content.Length <= maxLength)
        {
            return [content];
        }

        var fences = OpenFences(content);
        var parts = new List<string>();
        var position = 0;
        string? reopen = null;
        while (position < content.Length)
        {
            var prefix = reopen is null ? "" : reopen + "\n";
            var budget = maxLength - prefix.Length;
            if (content.Length - position <= budget)
            {
                Add(parts, prefix + content[position..]);
                break;
            }

            var limit = position + budget;
            if (TryCutOutside(content, fences, position, limit, out var cut, out var next))
            {
                Add(parts, prefix + content[position..cut]);
                reopen = null;
            }
            else
            {
                // Only a code block longer than a whole message gets here: cut it at a line, close it, reopen it.
                limit -= CloseFence.Length;
                cut = LastIndexOf(content, '\n', position + 1, limit, k => fences[k] is not null);
                if (cut < 0)
                {
                    cut = char.IsLowSurrogate(content[limit]) ? limit - 1 : limit;
                    next = cut;
                }
                else
                {
                    next = cut + 1;
                }

                var insideAfterCut = next < content.Length ? fences[next] : null;
                Add(parts, prefix + content[position..cut] + (insideAfterCut is null ? "" : CloseFence));
                reopen = insideAfterCut;
            }

            position = next;
        }

        return parts;
    }

    private static bool TryCutOutside(string content, string?[] fences, int start, int limit, out int cut, out int next)
    {
        bool Outside(int k) => fences[k] is null;

        // A cut in the last half of the window at the best boundary, else the best boundary anywhere.
        foreach (var earliest in new[] { start + ((limit - start) / 2), start + 1 })
        {
            cut = LastIndexOf(content, "\n\n", earliest, limit, Outside);
            if (cut >= 0)
            {
                next = Skip(content, cut, '\n');
                return true;
            }

            cut = LastIndexOf(content, '\n', earliest, limit, Outside);
            if (cut >= 0)
            {
                next = cut + 1;
                return true;
            }

            cut = LastIndexOf(content, ' ', earliest, limit, Outside);
            if (cut >= 0)
            {
                next = Skip(content, cut, ' ');
                return true;
            }
        }

        cut = next = -1;
        return false;
    }

    private static int Skip(string content, int index, char separator)
    {
        while (index < content.Length && content[index] == separator)
        {
            index++;
        }

        return index;
    }

    private static int LastIndexOf(string content, string value, int earliest, int limit, Func<int, bool> accept)
    {
        for (var k = Math.Min(limit, content.Length - value.Length); k >= earliest; k--)
        {
            if (string.CompareOrdinal(content, k, value, 0, value.Length) == 0 && accept(k))
            {
                return k;
            }
        }

        return -1;
    }

    private static int LastIndexOf(string content, char value, int earliest, int limit, Func<int, bool> accept)
    {
        for (var k = Math.Min(limit, content.Length - 1); k >= earliest; k--)
        {
            if (content[k] == value && accept(k))
            {
                return k;
            }
        }

        return -1;
    }

    private static void Add(List<string> parts, string part)
    {
        var trimmed = part.TrimEnd();
        if (trimmed.Length > 0)
        {
            parts.Add(trimmed);
        }
    }

    /// <summary>For every character, the opening fence line of the code block it is in (from the opening fence through the closing one), else null.</summary>
    private static string?[] OpenFences(string content)
    {
        var fences = new string?[content.Length];
        string? open = null;
        var lineStart = 0;
        while (lineStart < content.Length)
        {
            var lineEnd = content.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = content.Length;
            }

            var line = content.AsSpan(lineStart, lineEnd - lineStart).Trim();
            var isFence = line.StartsWith(Fence, StringComparison.Ordinal);
            string? mark;
            if (open is null && isFence && !(line.Length > Fence.Length && line[Fence.Length..].Contains(Fence, StringComparison.Ordinal)))
            {
                open = line.TrimEnd().ToString();
                mark = open;
            }
            else if (open is not null && isFence)
            {
                mark = open;
                open = null;
            }
            else
            {
                mark = open;
            }

            for (var k = lineStart; k < lineEnd; k++)
            {
                fences[k] = mark;
            }

            if (lineEnd < content.Length)
            {
                // The newline ending a line inside a block (not the closing fence's) is inside too.
                fences[lineEnd] = open;
            }

            lineStart = lineEnd + 1;
        }

        return fences;
    }
}
