namespace SerAdapt.Data;

/// <summary>
/// Collects rows while a reader parses a file. openSMILE appends to existing output files by default
/// (-appendarff/-appendcsv 1), so running an extraction twice repeats instances: a repeated id with
/// identical values and labels is such an appended duplicate run and is dropped with a warning; a repeated
/// id with different values, or with the same values but another label, is an error naming both lines.
/// </summary>
internal sealed class FeatureRowCollector(string source, string[] featureNames, int[] featureFields)
{
    private readonly List<string> _ids = [];
    private readonly List<int> _lines = [];
    private readonly List<float> _values = [];
    private readonly List<float[]> _labels = [];
    private readonly Dictionary<string, int> _rowOfId = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _firstDuplicateLine;

    public List<string> Warnings { get; } = [];

    /// <summary>Adds a row with one label (an openSMILE class, NaN: none); false when it repeats an earlier identical row (dropped).</summary>
    public bool Add(string id, int line, ReadOnlySpan<float> values, float classValue = float.NaN) => Add(id, line, values, [classValue]);

    /// <summary>Adds a row with its labels (NaN: missing); false when it repeats an earlier identical row (dropped).</summary>
    public bool Add(string id, int line, ReadOnlySpan<float> values, float[] labels)
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
            var earlier = _labels[row];
            for (int c = 0; c < labels.Length; c++)
                if (!earlier[c].Equals(labels[c]))
                    throw new DataFormatException(source, line, 0,
                        $"duplicate utterance id '{id}' with label {Text(labels[c])} here and {Text(earlier[c])} at line {_lines[row]}: which is right?");
            if (_duplicates++ == 0) _firstDuplicateLine = line;
            return false;
        }
        _rowOfId[id] = _ids.Count;
        _ids.Add(id);
        _lines.Add(line);
        foreach (var v in values) _values.Add(v);
        _labels.Add(labels);
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
            Valence = hasClassLabel && _labels.Any(l => float.IsFinite(l[0])) ? [.. _labels.Select(l => l[0])] : null,
            Warnings = Warnings,
        };
    }

    private static string Text(float label) => float.IsNaN(label) ? "empty" : label.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
