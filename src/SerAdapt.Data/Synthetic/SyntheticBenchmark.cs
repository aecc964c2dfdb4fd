using System.Numerics;
using System.Runtime.InteropServices;

namespace SerAdapt.Data;

/// <summary>
/// The built-in cross-corpus benchmark: an IEMOCAP-like source and an MSP-IMPROV-like target with
/// the difficulties of the real pair (docs/synthetic-benchmark.md has the model and its calibration):
/// <list type="bullet">
/// <item>shared "acoustics of emotion": latent factors (arousal strong, valence weak, content, speaker,
/// gender) loaded onto the features, plus per-feature noise and openSMILE-like scales and skew;</item>
/// <item>valence shows partly nonlinearly (its square and its product with arousal), so a network can
/// learn more than a linear model;</item>
/// <item>speaker effects: per-speaker offsets in feature space, label means and arousal expressiveness;</item>
/// <item>a corpus channel: per-feature gain and offset and a mixing of a subspace of features;</item>
/// <item>a label-conditional semantic distortion in the target: above neutral, the target's valence
/// folds back along the shared valence direction and shows on a target-only direction instead,
/// so aligning marginals alone mis-maps valence.</item>
/// </list>
/// Deterministic for a seed: every row draws from its own keyed generator.
/// </summary>
public static class SyntheticBenchmark
{
    private const int ContentFactors = 24;
    private const int SpeakerFactors = 12;

    // Latent factor layout: index, share of features it loads on, loading amplitude.
    private const int Arousal = 0, Valence = 1, ValenceSquare = 2, ValenceArousal = 3, TargetValence = 4, Gender = 5,
        FirstContent = 6, FirstSpeaker = FirstContent + ContentFactors, Factors = FirstSpeaker + SpeakerFactors;

    private static (double Share, double Amplitude) Loading(int factor) => factor switch
    {
        Arousal => (0.7, 0.55),
        Valence => (0.5, 0.045),
        ValenceSquare => (0.3, 0.12),
        ValenceArousal => (0.3, 0.10),
        TargetValence => (0.3, 0.08),
        Gender => (0.3, 0.6),
        < FirstSpeaker => (0.4, 0.35),
        _ => (0.5, 0.3),
    };

    private const double ValenceArousalCorrelation = 0.25;
    private const double SemanticThreshold = 0.0; // in valence z units: the upper half of the range is distorted
    private const double SemanticFold = 0.5;      // slope of the folded shared-direction valence above the threshold
    private const int MixedFeatures = 500;
    private const double MixingWeight = 0.6;
    private const double SkewedShare = 0.15;

    private sealed class World
    {
        public required double[][] Loadings; // Factors x D
        public required float[] NoiseStd, Scale, Offset;
        public required bool[] Skewed;
    }

    private sealed class Channel
    {
        public required float[] Gain, Offset;
        public required int[] Mixed;
        public required double[] Mixing; // MixedFeatures x MixedFeatures
    }

    private sealed record Layout(string Name, int Sessions, int Raters, double ArousalShift, double NoiseScale, double ValenceClarity, bool Distorted,
        Func<int, string, string> Speaker, Func<string, int, string> Id);

    public static SyntheticPair Generate(SyntheticBenchmarkOptions options)
    {
        if (options.Dimension < 16) throw new ArgumentOutOfRangeException(nameof(options), "The benchmark needs at least 16 features.");
        var world = CreateWorld(options.Seed, options.Dimension);
        var iemocap = new Layout("IEMOCAP-synth", 5, 3, 0.0, 1.0, 0.7, false,
            (s, g) => $"Ses{s:D2}{g}", (speaker, k) => $"{speaker}_synth_{k:D5}");
        var msp = new Layout("MSP-IMPROV-synth", 6, 5, 0.2, 1.1, 0.85, true,
            (s, g) => $"{g}{s:D2}", (speaker, k) => $"MSP-IMPROV-SYN-{speaker}-{k:D5}");
        return new SyntheticPair(
            CreateCorpus(world, iemocap, options.SourceSize, options.Seed, 1),
            CreateCorpus(world, msp, options.TargetSize, options.Seed, 2));
    }

    /// <summary>Feature names <c>synth_0000</c>, <c>synth_0001</c>, ...</summary>
    public static string[] FeatureNames(int dimension) =>
        Enumerable.Range(0, dimension).Select(j => $"synth_{j:D4}").ToArray();

    private static World CreateWorld(int seed, int d)
    {
        var loadings = new double[Factors][];
        for (int f = 0; f < Factors; f++)
        {
            var rng = new SplitMix(seed, 100, f);
            var (share, amplitude) = Loading(f);
            // Valence cues are weak per feature; scaling them keeps the total valence information (and so
            // the calibration) the same when a smaller feature set is asked for.
            if (f is Valence or ValenceSquare or ValenceArousal or TargetValence) amplitude *= Math.Sqrt((double)SyntheticBenchmarkOptions.Is10Dimension / d);
            loadings[f] = new double[d];
            for (int j = 0; j < d; j++)
                if (rng.NextDouble() < share) loadings[f][j] = amplitude * rng.NextGaussian();
        }
        var r = new SplitMix(seed, 101, 0);
        var noise = new float[d];
        var scale = new float[d];
        var offset = new float[d];
        var skewed = new bool[d];
        for (int j = 0; j < d; j++)
        {
            noise[j] = (float)Math.Exp(0.3 * r.NextGaussian());
            scale[j] = (float)Math.Exp(1.5 * r.NextGaussian());
            offset[j] = (float)(3 * r.NextGaussian() * scale[j]);
            skewed[j] = r.NextDouble() < SkewedShare;
        }
        return new World { Loadings = loadings, NoiseStd = noise, Scale = scale, Offset = offset, Skewed = skewed };
    }

    private static Channel CreateChannel(int seed, int corpus, int d)
    {
        var r = new SplitMix(seed, 200, corpus);
        var gain = new float[d];
        var offset = new float[d];
        for (int j = 0; j < d; j++)
        {
            gain[j] = (float)Math.Exp(0.25 * r.NextGaussian());
            offset[j] = (float)(0.5 * r.NextGaussian());
        }
        int m = Math.Min(MixedFeatures, d / 4);
        var order = Enumerable.Range(0, d).ToArray();
        for (int j = d - 1; j > 0; j--) { int k = r.NextInt(j + 1); (order[j], order[k]) = (order[k], order[j]); }
        var mixed = order[..m].Order().ToArray();
        var mixing = new double[m * m];
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++)
                mixing[a * m + b] = (a == b ? 1 - MixingWeight : 0) + MixingWeight * r.NextGaussian() / Math.Sqrt(m);
        return new Channel { Gain = gain, Offset = offset, Mixed = mixed, Mixing = mixing };
    }

    private static Corpus CreateCorpus(World world, Layout layout, int n, int seed, int corpus)
    {
        int d = world.NoiseStd.Length;
        var channel = CreateChannel(seed, corpus, d);
        int speakers = layout.Sessions * 2;
        if (n < speakers) throw new ArgumentOutOfRangeException(nameof(n), n, $"{layout.Name} needs at least {speakers} utterances.");

        // Speakers: session s has one female and one male speaker; utterance counts vary by +-15%.
        var sr = new SplitMix(seed, 300, corpus);
        var weights = Enumerable.Range(0, speakers).Select(_ => 0.85 + 0.3 * sr.NextDouble()).ToArray();
        var counts = weights.Select(w => Math.Max(1, (int)(n * w / weights.Sum()))).ToArray();
        counts[^1] += n - counts.Sum();
        var speakerOf = new int[n];
        for (int s = 0, i = 0; s < speakers; s++)
            for (int k = 0; k < counts[s]; k++) speakerOf[i++] = s;
        var traits = Enumerable.Range(0, speakers).Select(s =>
        {
            var r = new SplitMix(seed, 400 + corpus, s);
            return (Factors: Enumerable.Range(0, SpeakerFactors).Select(_ => r.NextGaussian()).ToArray(),
                ValenceMean: 0.2 * r.NextGaussian(), ArousalMean: 0.25 * r.NextGaussian(), Expressiveness: Math.Exp(0.2 * r.NextGaussian()));
        }).ToArray();

        var ids = new string[n];
        var speakerNames = new string[n];
        var sessions = new string[n];
        var genders = new string[n];
        var valence = new float[n];
        var arousal = new float[n];
        var dominance = new float[n];
        var features = new float[(long)n * d];
        var perSpeakerCount = new int[speakers];
        for (int i = 0; i < n; i++)
        {
            int s = speakerOf[i];
            int session = s / 2 + 1;
            string gender = s % 2 == 0 ? "F" : "M";
            speakerNames[i] = layout.Speaker(session, gender);
            sessions[i] = session.ToString(System.Globalization.CultureInfo.InvariantCulture);
            genders[i] = gender;
            ids[i] = layout.Id(speakerNames[i], perSpeakerCount[s]++);
        }

        Parallel.For(0, n, () => (Latent: new double[Factors], Row: new double[d], Mixed: new double[channel.Mixed.Length]), (i, _, buffers) =>
        {
            var r = new SplitMix(seed, 500 + corpus, i);
            int s = speakerOf[i];
            var trait = traits[s];
            double v = trait.ValenceMean + r.NextGaussian();
            double a = ValenceArousalCorrelation * v + trait.ArousalMean + layout.ArousalShift
                + Math.Sqrt(1 - ValenceArousalCorrelation * ValenceArousalCorrelation) * r.NextGaussian();
            double dom = 0.6 * a + 0.8 * r.NextGaussian();
            valence[i] = Rate(v, layout.Raters, ref r);
            arousal[i] = Rate(a, layout.Raters, ref r);
            dominance[i] = Rate(dom, layout.Raters, ref r);

            var z = buffers.Latent;
            z[Arousal] = a * trait.Expressiveness;
            double shared = v, own = 0;
            if (layout.Distorted && v > SemanticThreshold)
            {
                shared = SemanticThreshold - SemanticFold * (v - SemanticThreshold);
                own = v - SemanticThreshold;
            }
            double clarity = layout.ValenceClarity;
            z[Valence] = clarity * shared;
            z[TargetValence] = clarity * own;
            z[ValenceSquare] = clarity * (v * v - 1) / Math.Sqrt(2);
            z[ValenceArousal] = clarity * v * a;
            z[Gender] = s % 2 == 0 ? 1 : -1;
            for (int k = 0; k < ContentFactors; k++) z[FirstContent + k] = r.NextGaussian();
            for (int k = 0; k < SpeakerFactors; k++) z[FirstSpeaker + k] = trait.Factors[k];

            var x = buffers.Row;
            for (int j = 0; j < d; j++) x[j] = layout.NoiseScale * world.NoiseStd[j] * r.NextGaussian();
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x.AsSpan());
            int tail = xv.Length * Vector<double>.Count;
            for (int f = 0; f < Factors; f++)
            {
                double zf = z[f];
                if (zf == 0) continue;
                var l = world.Loadings[f];
                var lv = MemoryMarshal.Cast<double, Vector<double>>(l.AsSpan());
                var zv = new Vector<double>(zf);
                for (int k = 0; k < xv.Length; k++) xv[k] += zv * lv[k];
                for (int j = tail; j < d; j++) x[j] += zf * l[j];
            }
            // Corpus channel: a mixing of a subspace, then per-feature gain and offset.
            var mixedIdx = channel.Mixed;
            int m = mixedIdx.Length;
            var gathered = buffers.Mixed;
            for (int b = 0; b < m; b++) gathered[b] = x[mixedIdx[b]];
            for (int a2 = 0; a2 < m; a2++) x[mixedIdx[a2]] = RidgeRegression.Dot(channel.Mixing.AsSpan(a2 * m, m), gathered);
            var output = features.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                double value = channel.Gain[j] * x[j] + channel.Offset[j];
                if (world.Skewed[j]) value = Math.Exp(0.5 * value); // energies and durations are positive and skewed
                output[j] = (float)(world.Scale[j] * value + world.Offset[j]);
            }
            return buffers;
        }, _ => { });

        return new Corpus(layout.Name, ids, FeatureNames(d), features, valence, arousal, dominance, speakerNames, sessions, genders);
    }

    /// <summary>Mean of <paramref name="raters"/> integer ratings 1-5 of a latent z value (mean 3, one point per std).</summary>
    private static float Rate(double latent, int raters, ref SplitMix r)
    {
        double sum = 0;
        for (int k = 0; k < raters; k++)
            sum += Math.Clamp(Math.Round(3 + latent + 0.7 * r.NextGaussian()), 1, 5);
        return (float)(sum / raters);
    }
}
