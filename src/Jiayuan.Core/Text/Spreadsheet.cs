using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Jiayuan.Core.Text;

/// <summary>
/// Reads the table an office already keeps — an .xlsx workbook (first sheet) or a .csv file (UTF-8, or GB18030 as Excel saves
/// it on Chinese Windows) — with a header row. Headers and cells are folded to half-width (NFKC) and trimmed; numbers come back
/// as invariant text (<c>89.56</c>), dates as <c>yyyy-MM-dd</c>. Each row says which cells had full-width characters folded.
/// </summary>
public static class Spreadsheet
{
    /// <summary>A data row: its number as the office sees it (the header is row 1), the non-empty cells by header, and the folded cells.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells, IReadOnlyList<Folded> Folded)
    {
        /// <summary>The first non-empty cell under one of the headers (headers compared after folding, case-insensitively).</summary>
        public string? Get(params string[] headers)
        {
            foreach (var h in headers)
            {
                if (Cells.TryGetValue(Fold(h), out var v))
                {
                    return v;
                }
            }
            return null;
        }
    }

    /// <summary>A cell whose full-width characters were folded: the header, what the file had and what is used.</summary>
    public sealed record Folded(string Header, string Original, string Normalized);

    /// <summary>Whether the file name is one this reader takes (.xlsx or .csv).</summary>
    public static bool IsSupported(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    /// <summary>Folds full-width characters to half-width (NFKC) and trims.</summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>The rows of the file, blank rows left out (their numbers are kept). Throws <see cref="InvalidDataException"/> on a file that is not a table.</summary>
    public static List<Row> Read(Stream content, string fileName, int maxRows)
    {
        var csv = Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (!csv && !bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            throw new InvalidDataException("Not an .xlsx workbook.");
        }
        if (csv)
        {
            bytes = Encoding.UTF8.GetBytes(DecodeText(bytes));
        }
        var rows = new List<Row>();
        var number = 1;
        try
        {
            using var stream = new MemoryStream(bytes);
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true, excelType: csv ? ExcelType.CSV : ExcelType.XLSX).Cast<IDictionary<string, object?>>())
            {
                number++;
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var folded = new List<Folded>();
                foreach (var (header, value) in cells)
                {
                    var raw = Text(value);
                    if (string.IsNullOrWhiteSpace(raw) || string.IsNullOrWhiteSpace(header))
                    {
                        continue;
                    }
                    var key = Fold(header);
                    var text = Fold(raw);
                    if (!string.Equals(text, raw.Trim(), StringComparison.Ordinal))
                    {
                        folded.Add(new Folded(key, raw.Trim(), text));
                    }
                    values.TryAdd(key, text);
                }
                if (values.Count == 0)
                {
                    continue;
                }
                if (rows.Count == maxRows)
                {
                    throw new InvalidDataException($"More than {maxRows} rows.");
                }
                rows.Add(new Row(number, values, folded));
            }
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException("The file could not be read as a table.", e);
        }
        return rows;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        float f => ((decimal)f).ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (what Excel writes on Chinese Windows).</summary>
    private static string DecodeText(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
