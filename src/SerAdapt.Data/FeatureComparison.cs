namespace SerAdapt.Data;

/// <summary>
/// Value-by-value agreement of two feature tables, e.g. features extracted by SerAdapt against
/// openSMILE's for the same audio. Rows are matched by instance id and features by name; rows or
/// features present on one side only are listed, not compared. When each side holds exactly one row,
/// the two rows are compared whatever their ids (openSMILE names its instance 'unknown' unless told
/// otherwise), with a warning if the ids differ.
/// </summary>
public sealed class FeatureComparison
{
    private readonly double[] _excess; // instance-major, Instances x Features

    private FeatureComparison(FeatureTolerance tolerance, string[] instances, string[] features, double[] excess,
        float[] reference, float[] candidate)
    {
        Tolerance = tolerance;
        Instances = instances;
        Features = features;
        _excess = excess;
        ReferenceValues = reference;
        CandidateValues = candidate;
        WithinCount = excess.Count(e => e <= 1);
    }

    public FeatureTolerance Tolerance { get; }

    /// <summary>Ids of the compared rows (the reference's ids, in the reference's order).</summary>
    public string[] Instances { get; }

    /// <summary>Names of the compared features, in the reference's order.</summary>
    public string[] Features { get; }

    /// <summary>Compared values, instance-major (Instances x Features).</summary>
    public float[] ReferenceValues { get; }
    public float[] CandidateValues { get; }

    public string[] InstancesOnlyInReference { get; private init; } = [];
    public string[] InstancesOnlyInCandidate { get; private init; } = [];
    public string[] FeaturesOnlyInReference { get; private init; } = [];
    public string[] FeaturesOnlyInCandidate { get; private init; } = [];
    public List<string> Warnings { get; } = [];

    public int ValueCount => _excess.Length;
    public int WithinCount { get; }
    public double PercentWithin => ValueCount == 0 ? 0 : 100.0 * WithinCount / ValueCount;

    /// <summary>The difference of one value in units of the allowed difference (&lt;= 1: within tolerance).</summary>
    public double Excess(int instance, int feature) => _excess[instance * Features.Length + feature];

    /// <summary>% of the features of one instance within tolerance.</summary>
    public double PercentWithinInstance(int instance)
    {
        int d = Features.Length, ok = 0;
        for (int j = 0; j < d; j++) if (_excess[instance * d + j] <= 1) ok++;
        return d == 0 ? 0 : 100.0 * ok / d;
    }

    /// <summary>Number of instances in which each feature is within tolerance.</summary>
    public int[] WithinPerFeature()
    {
        int d = Features.Length;
        var ok = new int[d];
        for (int i = 0; i < _excess.Length; i++) if (_excess[i] <= 1) ok[i % d]++;
        return ok;
    }

    /// <summary>
    /// Values within tolerance per feature family, in order of first appearance: for openSMILE names
    /// ("mfcc_sma_de[3]_amean") the low-level descriptor and whether it is a delta ("mfcc_de"), see
    /// <see cref="FamilyOf"/>.
    /// </summary>
    public IReadOnlyList<(string Family, int Within, int Total)> Families()
    {
        var order = new List<string>();
        var counts = new Dictionary<string, (int Within, int Total)>(StringComparer.Ordinal);
        var perFeature = WithinPerFeature();
        for (int j = 0; j < Features.Length; j++)
        {
            string f = FamilyOf(Features[j]);
            if (!counts.TryGetValue(f, out var c)) order.Add(f);
            counts[f] = (c.Within + perFeature[j], c.Total + Instances.Length);
        }
        return order.Select(f => (f, counts[f].Within, counts[f].Total)).ToList();
    }

    /// <summary>The <paramref name="count"/> values furthest outside tolerance, worst first.</summary>
    public IReadOnlyList<(string Instance, string Feature, float Reference, float Candidate, double Excess)> Worst(int count)
    {
        int d = Features.Length;
        return Enumerable.Range(0, _excess.Length)
            .Where(i => _excess[i] > 1)
            .OrderByDescending(i => _excess[i]).ThenBy(i => i)
            .Take(count)
            .Select(i => (Instances[i / d], Features[i % d], ReferenceValues[i], CandidateValues[i], _excess[i]))
            .ToList();
    }

    /// <summary>
    /// "pcm_loudness_sma_amean" -> "pcm_loudness", "mfcc_sma_de[3]_amean" -> "mfcc_de",
    /// "F0final__Turn_onsetRate" -> "F0final"; a name without openSMILE's "_sma" or "__" is its own family.
    /// </summary>
    public static string FamilyOf(string name)
    {
        int sma = name.IndexOf("_sma", StringComparison.Ordinal);
        if (sma > 0)
            return name.AsSpan(sma).StartsWith("_sma_de", StringComparison.Ordinal) ? name[..sma] + "_de" : name[..sma];
        int turn = name.IndexOf("__", StringComparison.Ordinal);
        return turn > 0 ? name[..turn] : name;
    }

    /// <summary>Compares <paramref name="candidate"/> with <paramref name="reference"/> value by value.</summary>
    /// <exception cref="DataFormatException">No row or no feature in common.</exception>
    public static FeatureComparison Compare(FeatureTable reference, FeatureTable candidate, FeatureTolerance tolerance)
    {
        var candidateFeature = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < candidate.Dimension; j++) candidateFeature.TryAdd(candidate.FeatureNames[j], j);
        var refIndex = Enumerable.Range(0, reference.Dimension).Where(j => candidateFeature.ContainsKey(reference.FeatureNames[j])).ToArray();
        var features = refIndex.Select(j => reference.FeatureNames[j]).ToArray();
        if (features.Length == 0)
            throw new DataFormatException(candidate.Source, 0, 0,
                $"no feature name in common with {reference.Source} (first names: '{First(reference.FeatureNames)}' vs '{First(candidate.FeatureNames)}').");
        var referenceNames = new HashSet<string>(reference.FeatureNames, StringComparer.Ordinal);

        var warnings = new List<string>();
        List<(int Ref, int Cand)> rows;
        string[] onlyRef = [], onlyCand = [];
        if (reference.Count == 1 && candidate.Count == 1)
        {
            rows = [(0, 0)];
            if (reference.Ids[0] != candidate.Ids[0])
                warnings.Add($"instance ids differ ('{reference.Ids[0]}' in {reference.Source}, '{candidate.Ids[0]}' in {candidate.Source}); compared as one instance because each file holds one row.");
        }
        else
        {
            var candidateRow = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < candidate.Count; i++) candidateRow.TryAdd(candidate.Ids[i], i);
            rows = [];
            for (int i = 0; i < reference.Count; i++)
                if (candidateRow.TryGetValue(reference.Ids[i], out int c)) rows.Add((i, c));
            if (rows.Count == 0)
                throw new DataFormatException(candidate.Source, 0, 0,
                    $"no instance id in common with {reference.Source} (first ids: '{First(reference.Ids)}' vs '{First(candidate.Ids)}').");
            var matched = new HashSet<string>(rows.Select(r => reference.Ids[r.Ref]), StringComparer.Ordinal);
            onlyRef = reference.Ids.Where(id => !matched.Contains(id)).ToArray();
            onlyCand = candidate.Ids.Where(id => !matched.Contains(id)).ToArray();
        }

        int n = rows.Count, d = features.Length;
        var excess = new double[n * d];
        var refValues = new float[n * d];
        var candValues = new float[n * d];
        var candIndex = features.Select(f => candidateFeature[f]).ToArray();
        for (int r = 0; r < n; r++)
        {
            var (ri, ci) = rows[r];
            for (int j = 0; j < d; j++)
            {
                float e = reference.Values[(long)ri * reference.Dimension + refIndex[j]];
                float a = candidate.Values[(long)ci * candidate.Dimension + candIndex[j]];
                refValues[r * d + j] = e;
                candValues[r * d + j] = a;
                excess[r * d + j] = tolerance.Excess(a, e);
            }
        }
        var result = new FeatureComparison(tolerance, rows.Select(r => reference.Ids[r.Ref]).ToArray(), features, excess, refValues, candValues)
        {
            InstancesOnlyInReference = onlyRef,
            InstancesOnlyInCandidate = onlyCand,
            FeaturesOnlyInReference = reference.FeatureNames.Where(f => !candidateFeature.ContainsKey(f)).ToArray(),
            FeaturesOnlyInCandidate = candidate.FeatureNames.Where(f => !referenceNames.Contains(f)).ToArray(),
        };
        result.Warnings.AddRange(warnings);
        return result;
    }

    private static string First(string[] values) => values.Length == 0 ? "none" : values[0];
}
