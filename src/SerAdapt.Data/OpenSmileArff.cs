namespace SerAdapt.Data;

/// <summary>
/// Reads openSMILE ARFF output: <c>@relation</c>, <c>@attribute name string</c> (the instance name),
/// numeric attributes (the features), an optional <c>frameTime</c> (skipped) and <c>class</c> attribute
/// (numeric: read as valence; nominal: ignored), '?' for missing values, quoted names, '%' comments,
/// and appended duplicate runs (a repeated header or repeated instances).
/// </summary>
public static class OpenSmileArff
{
    private enum Kind { Id, Feature, Class, Skip }

    private sealed record Attribute(string Name, Kind Kind);

    public static FeatureTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Feature file not found: {path}", path);
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static FeatureTable Read(TextReader reader, string source)
    {
        List<Attribute>? attributes = null;
        List<Attribute> header = [];
        FeatureRowCollector? rows = null;
        int[] featureIndex = [];
        int idIndex = -1, classIndex = -1;
        bool inData = false, classNumeric = false;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string t = line.Trim();
            if (t.Length == 0 || t[0] == '%') continue;
            if (t[0] == '@')
            {
                string keyword = t.Split((char[])[' ', '\t'], 2)[0].ToLowerInvariant();
                switch (keyword)
                {
                    case "@relation":
                        if (inData)
                        {
                            rows!.Warnings.Add($"{source}:{lineNumber}: a second ARFF header (appended run) starts here.");
                            inData = false;
                        }
                        header = [];
                        break;
                    case "@attribute":
                        if (inData) throw new DataFormatException(source, lineNumber, 1, "@attribute after @data.");
                        try
                        {
                            header.Add(ParseAttribute(t, source, lineNumber));
                        }
                        catch (DataFormatException) when (reader.Peek() < 0)
                        {
                            throw new DataFormatException(source, lineNumber, 0, $"the file ends inside its header, in '{t}': it was cut short (no @data section).");
                        }
                        break;
                    case "@data":
                        if (attributes is null)
                        {
                            attributes = header;
                            idIndex = attributes.FindIndex(a => a.Kind == Kind.Id);
                            if (idIndex < 0) throw new DataFormatException(source, lineNumber, 0, "no string attribute for the instance name (openSMILE writes '@attribute name string').");
                            for (int k = 0; k < attributes.Count; k++)
                                if (k != idIndex && attributes[k].Kind == Kind.Id) attributes[k] = attributes[k] with { Kind = Kind.Skip };
                            classIndex = attributes.FindIndex(a => a.Kind == Kind.Class);
                            featureIndex = Enumerable.Range(0, attributes.Count).Where(k => attributes[k].Kind == Kind.Feature).ToArray();
                            if (featureIndex.Length == 0) throw new DataFormatException(source, lineNumber, 0, "no numeric feature attributes.");
                            rows = new FeatureRowCollector(source, featureIndex.Select(k => attributes[k].Name).ToArray(),
                                featureIndex.Select(k => k + 1).ToArray());
                        }
                        else if (!header.SequenceEqual(attributes))
                        {
                            int first = Enumerable.Range(0, Math.Max(header.Count, attributes.Count))
                                .First(k => k >= header.Count || k >= attributes.Count || header[k] != attributes[k]);
                            throw new DataFormatException(source, lineNumber, 0,
                                $"an appended run declares different attributes than the first header (first difference at attribute {first + 1}).");
                        }
                        inData = true;
                        break;
                    default:
                        throw new DataFormatException(source, lineNumber, 1, $"unknown ARFF keyword '{keyword}'.");
                }
                continue;
            }
            if (!inData) throw new DataFormatException(source, lineNumber, 1, "data before @data.");
            if (t[0] == '{') throw new DataFormatException(source, lineNumber, 1, "sparse ARFF rows are not supported.");
            List<string> fields;
            try { fields = TextFields.Split(line, ','); }
            catch (FormatException ex) { throw new DataFormatException(source, lineNumber, 0, ex.Message + "."); }
            if (fields.Count != attributes!.Count)
                throw new DataFormatException(source, lineNumber, 0, $"expected {attributes.Count} values (one per @attribute), found {fields.Count}.");
            var values = new float[featureIndex.Length];
            for (int f = 0; f < featureIndex.Length; f++)
            {
                int k = featureIndex[f];
                if (!TextFields.TryParseNumber(fields[k], out values[f]))
                    throw new DataFormatException(source, lineNumber, k + 1, $"attribute '{attributes[k].Name}' is not a number: '{fields[k]}'.");
            }
            float classValue = float.NaN;
            if (classIndex >= 0 && classNumeric && !TextFields.TryParseNumber(fields[classIndex], out classValue))
                throw new DataFormatException(source, lineNumber, classIndex + 1, $"class value is not a number: '{fields[classIndex]}'.");
            rows!.Add(fields[idIndex], lineNumber, values, classValue);
        }
        if (rows is null) throw new DataFormatException(source, lineNumber, 0, "no @data section.");
        return rows.Build(hasClassLabel: classIndex >= 0 && classNumeric);

        Attribute ParseAttribute(string text, string file, int number)
        {
            string rest = text["@attribute".Length..].TrimStart();
            string name;
            if (rest.Length > 0 && rest[0] is '\'' or '"')
            {
                int close = rest.IndexOf(rest[0], 1);
                if (close < 0) throw new DataFormatException(file, number, 0, "unterminated quoted attribute name.");
                name = rest[1..close];
                rest = rest[(close + 1)..].Trim();
            }
            else
            {
                var parts = rest.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2) throw new DataFormatException(file, number, 0, $"attribute without a type: '{text}'.");
                name = parts[0];
                rest = parts[1].Trim();
            }
            string type = rest.ToLowerInvariant();
            if (name.Equals("class", StringComparison.OrdinalIgnoreCase))
            {
                classNumeric = type is "numeric" or "real" or "integer";
                return new Attribute(name, Kind.Class);
            }
            if (type == "string") return new Attribute(name, Kind.Id);
            if (name == "frameTime") return new Attribute(name, Kind.Skip);
            if (type is "numeric" or "real" or "integer") return new Attribute(name, Kind.Feature);
            if (type.StartsWith('{')) return new Attribute(name, Kind.Skip);
            throw new DataFormatException(file, number, 0, $"attribute '{name}' has unsupported type '{rest}'.");
        }
    }
}
