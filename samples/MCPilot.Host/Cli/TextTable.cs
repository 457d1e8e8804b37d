namespace MCPilot.Host.Cli;

/// <summary>A plain-text table for terminals: upper-case headers, columns padded to their widest cell, long cells cut.</summary>
internal sealed class TextTable(params string[] headers)
{
    /// <summary>The widest a cell is shown; longer text ends with an ellipsis.</summary>
    public const int MaxCellWidth = 48;

    private readonly List<string[]> _rows = [];

    /// <summary>How many rows the table has.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row (null cells print as <c>-</c>).</summary>
    public TextTable Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells; it has {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(Cell)]);
        return this;
    }

    /// <summary>Writes the table.</summary>
    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(writer, [.. headers.Select(h => h.ToUpperInvariant())], widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
        writer.WriteLine(line.TrimEnd());
    }

    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "-";
        }

        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxCellWidth ? flat : string.Concat(flat.AsSpan(0, MaxCellWidth - 1), "…");
    }
}
