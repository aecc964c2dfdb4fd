using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// AdaBN (Li, Wang, Shi, Hou, Liu, "Revisiting Batch Normalization for Practical Domain Adaptation",
/// ICLR 2017 workshop / Pattern Recognition 2018, Algorithm 1): E + R are trained exactly as Source-only;
/// then, for every BatchNorm layer j in order, the target's statistics replace the source's:
/// mu_j = E_t[x_j], sigma_j^2 = Var_t[x_j] over ALL target utterances, where x_j is layer j's input with
/// the layers below already using the target's statistics. No parameter changes. Var is the population
/// (biased) variance of the paper's algorithm, so that the model in evaluation mode computes on the
/// target exactly what one training-mode pass over the whole target as a single batch would (PyTorch's
/// cumulative running_var would store the unbiased one, larger by n/(n-1)). Dropout is off in the pass.
/// </summary>
public sealed class AdaBn(SourceOnlyOptions options) : AdaptationMethod<SourceOnlyOptions>(options)
{
    public AdaBn() : this(new SourceOnlyOptions()) { }

    public override string Name => "adabn";

    protected override IReadOnlyList<HeadShape> Heads => SourceOnly.RegressorHead(Options);

    protected override bool UsesTarget => false;

    protected override BatchStep CreateStep(TrainingSetup setup) => SourceOnly.Step(setup);

    public override FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        TrainingLoop.CheckDomains(source, target);
        var model = Train(Name, source, target, options, new Rng((ulong)options.Seed), progress, cancellationToken, out int epochs);
        UseTargetStatistics(model, target.Features);
        model.SetInfo("adabn_rows", target.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new FitResult(model, model.Predict(target.Features).Prediction, epochs, options.Selection == ModelSelection.Oracle);
    }

    /// <summary>
    /// Sets every BatchNorm1d of <paramref name="model"/> (encoder, then each head) to the mean and population
    /// variance of its input over <paramref name="target"/> (normalised features), layer by layer.
    /// </summary>
    internal static void UseTargetStatistics(ValenceModel model, Matrix target)
    {
        var encoder = model.EncoderNetwork.Modules;
        var modes = new List<(Module Module, bool Training)> { (model.EncoderNetwork, model.EncoderNetwork.IsTraining) };
        modes.AddRange(model.HeadNetworks.Select(h => ((Module)h, h.IsTraining)));
        foreach (var (m, _) in modes) m.Eval();
        try
        {
            AdaptChain([.. encoder], 0, target);
            foreach (var head in model.HeadNetworks)
                AdaptChain([.. encoder, .. head.Modules], encoder.Count, target);
        }
        finally
        {
            foreach (var (m, training) in modes) m.SetTraining(training);
        }
    }

    // For each BatchNorm1d at index k >= first of the chain: stream the target through chain[0..k) in
    // evaluation mode (the BatchNorms below already adapted), merge the chunks' mean and squared deviations
    // (Chan et al.'s pairwise update, in double), and store mean and M2 / n as running statistics.
    private static void AdaptChain(IReadOnlyList<Module> chain, int first, Matrix target)
    {
        for (int k = first; k < chain.Count; k++)
        {
            if (chain[k] is not BatchNorm1d bn)
                continue;
            var mean = new double[bn.Features];
            var m2 = new double[bn.Features];
            long n = 0;
            for (int start = 0; start < target.Rows; start += ValenceModel.InferenceChunk)
            {
                int count = Math.Min(ValenceModel.InferenceChunk, target.Rows - start);
                var x = target.RowsView(start, count);
                for (int i = 0; i < k; i++)
                    x = chain[i].Forward(x);
                Merge(x, mean, m2, ref n);
            }
            var rm = bn.RunningMean.Value.Span;
            var rv = bn.RunningVar.Value.Span;
            for (int j = 0; j < bn.Features; j++)
            {
                rm[j] = (float)mean[j];
                rv[j] = (float)(m2[j] / n);
            }
        }
    }

    private static void Merge(Matrix x, double[] mean, double[] m2, ref long n)
    {
        int rows = x.Rows;
        var chunkMean = new double[x.Cols];
        var chunkM2 = new double[x.Cols];
        for (int r = 0; r < rows; r++)
        {
            var row = x.Row(r);
            for (int j = 0; j < row.Length; j++) chunkMean[j] += row[j];
        }
        for (int j = 0; j < chunkMean.Length; j++) chunkMean[j] /= rows;
        for (int r = 0; r < rows; r++)
        {
            var row = x.Row(r);
            for (int j = 0; j < row.Length; j++)
            {
                double d = row[j] - chunkMean[j];
                chunkM2[j] += d * d;
            }
        }
        long total = n + rows;
        for (int j = 0; j < mean.Length; j++)
        {
            double delta = chunkMean[j] - mean[j];
            m2[j] += chunkM2[j] + delta * delta * n * rows / total;
            mean[j] += delta * rows / total;
        }
        n = total;
    }
}
