namespace SerAdapt.Data;

/// <summary>
/// Collects rows while a reader parses a file. openSMILE appends to existing output files by default
/// (-appendarff/-appendcsv 1), so running an extraction twice repeats instances: a repeated id with
/// identical values is such an appended duplicate run and is dropped with a warning; a repeated id
/// with different values is an error.
/// </summary>
internal sealed class FeatureRowCollector(string source, string[] featureNames, int[] featureFields)
{
    private readonly List<string> _ids = [];
    private readonly List<int> _lines = [];
    private readonly List<float> _values = [];
    private readonly List<float> _classes = [];
    private readonly Dictionary<string, int> _rowOfId = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _firstDuplicateLine;

    public List<string> Warnings { get; } = [];

    /// <summary>Adds a row; false when it repeats an earlier identical row (dropped).</summary>
    public bool Add(string id, int line, ReadOnlySpan<float> values, float classValue = float.NaN)
    {
        if (_rowOfId.TryGetValue(id, out int row))
        {
            var previous = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values).Slice(row * featureNames.Length, featureNames.Length);
            bool same = true;
            for (int j = 0; j < values.Length && same; j++)
                same = previous[j].Equals(values[j]);
            if (!same)
                throw new DataFormatException(source, line, 0,
                    $"duplicate utterance id '{id}' (first at line {_lines[row]}) with different feature values.");
            if (_duplicates++ == 0) _firstDuplicateLine = line;
            return false;
        }
        _rowOfId[id] = _ids.Count;
        _ids.Add(id);
        _lines.Add(line);
        foreach (var v in values) _values.Add(v);
        _classes.Add(classValue);
        return true;
    }

    public FeatureTable Build(bool hasClassLabel)
    {
        if (_ids.Count == 0) throw new DataFormatException(source, 0, 0, "no data rows.");
        if (_duplicates > 0)
            Warnings.Add($"{source}: dropped {_duplicates} repeated instance(s) from appended duplicate runs (first at line {_firstDuplicateLine}); openSMILE appends unless run with -appendarff 0 / -appendcsv 0.");
        return new FeatureTable(source, [.. _ids], [.. _lines], featureNames, [.. _values])
        {
            FeatureFields = featureFields,
            Valence = hasClassLabel && _classes.Any(float.IsFinite) ? [.. _classes] : null,
            Warnings = Warnings,
        };
    }
}
