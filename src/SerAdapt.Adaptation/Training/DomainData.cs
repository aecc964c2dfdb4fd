using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// One domain's in-memory data: features N x D, ALREADY z-normalised per corpus by the caller.
/// <paramref name="Labels"/> may be null (unlabelled target) or hold NaN for missing values;
/// <paramref name="Groups"/> is the session (or speaker) of each row, used by train-on-target's
/// leave-one-group-out cross-validation; <paramref name="Ids"/> name rows in prediction files.
/// </summary>
public sealed record DomainData(Matrix Features, float[]? Labels = null, int[]? Groups = null, string[]? Ids = null)
{
    public int Count => Features.Rows;

    public int Dimension => Features.Cols;

    /// <summary>Throws if the per-row arrays do not have one entry per feature row.</summary>
    public void Validate(string what)
    {
        if (Labels is not null && Labels.Length != Features.Rows)
            throw new ArgumentException($"The {what} has {Features.Rows} feature rows but {Labels.Length} labels.");
        if (Groups is not null && Groups.Length != Features.Rows)
            throw new ArgumentException($"The {what} has {Features.Rows} feature rows but {Groups.Length} groups.");
        if (Ids is not null && Ids.Length != Features.Rows)
            throw new ArgumentException($"The {what} has {Features.Rows} feature rows but {Ids.Length} ids.");
    }

    /// <summary>The rows at <paramref name="rows"/>, copied, with their labels, groups and ids.</summary>
    public DomainData Subset(IReadOnlyList<int> rows)
    {
        var features = new Matrix(rows.Count, Features.Cols);
        for (int i = 0; i < rows.Count; i++)
            Features.Row(rows[i]).CopyTo(features.Row(i));
        return new DomainData(features,
            Labels is null ? null : rows.Select(r => Labels[r]).ToArray(),
            Groups is null ? null : rows.Select(r => Groups[r]).ToArray(),
            Ids is null ? null : rows.Select(r => Ids[r]).ToArray());
    }

    /// <summary>The rows with a finite label, in order (none when there are no labels): the one place where unlabelled rows are left out.</summary>
    public int[] LabelledRows() =>
        Labels is null ? [] : Enumerable.Range(0, Count).Where(i => float.IsFinite(Labels[i])).ToArray();

    /// <summary>The pairs (prediction, label) of the labelled rows, for scoring <paramref name="predictions"/> (one per row).</summary>
    public (float[] Prediction, float[] Truth) LabelledPairs(float[] predictions)
    {
        var rows = LabelledRows();
        return (rows.Select(i => predictions[i]).ToArray(), rows.Select(i => Labels![i]).ToArray());
    }

    /// <summary>True when every row has a finite label.</summary>
    public bool HasCompleteLabels => Labels is not null && Labels.All(float.IsFinite);
}
