using System.Numerics.Tensors;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Maximum Regression Discrepancy (MRD; "Unsupervised Cross-Corpus Speech Emotion Regression with a
/// Maximum Regression Discrepancy network", Interspeech 2019), the regression form of Saito et al.'s
/// Maximum Classifier Discrepancy (CVPR 2018). An encoder E feeds two regressors of different depth,
/// f1 = R1(E(x)) (4 layers) and f2 = R2(E(x)) (5 layers); for every source batch (x_s, y_s) with a
/// target batch x_t drawn alongside:
/// <list type="number">
/// <item>Step 1: min over E, R1, R2 of MSE(f1(x_s), y_s) + MSE(f2(x_s), y_s).</item>
/// <item>Step 2: E fixed; min over R1, R2 of MSE_s - L_dis(x_t), with
/// L_dis(x_t) = mean_k |f1(x_t,k) - f2(x_t,k)|: the regressors disagree most on target samples
/// far from the source.</item>
/// <item>Step 3: R1, R2 fixed; min over E of L_dis(x_t), m times: E moves the target towards the
/// region where the regressors agree.</item>
/// </list>
/// The prediction is (f1 + f2) / 2 in eval mode. The per-batch steps are <see cref="MrdTrainer"/>.
/// </summary>
public sealed class Mrd(MrdOptions options) : AdaptationMethod<MrdOptions>(options)
{
    public Mrd() : this(new MrdOptions()) { }

    public override string Name => "mrd";

    /// <summary>The heads "r1" and "r2" of the options' depths.</summary>
    protected override IReadOnlyList<HeadShape> Heads => HeadsOf(Options);

    /// <summary>E from <paramref name="inputs"/> features and the heads "r1" and "r2" of the options' depths.</summary>
    public static NetworkArchitecture Architecture(int inputs, TrainingOptions training, MrdOptions mrd) =>
        new(inputs, training.Width, training.EncoderLayers, HeadsOf(mrd), training.Dropout);

    protected override BatchStep CreateStep(TrainingSetup setup)
    {
        var trainer = new MrdTrainer(setup.Model, setup.Training.LearningRate, Options.EncoderSteps);
        var losses = new Dictionary<string, double>();
        return (batch, _) => trainer.TrainBatch(batch.SourceX, batch.SourceY, batch.Target).WriteTo(losses);
    }

    private static IReadOnlyList<HeadShape> HeadsOf(MrdOptions mrd) => [new HeadShape("r1", mrd.R1Layers), new HeadShape("r2", mrd.R2Layers)];
}

/// <summary>The losses of one MRD batch: step 1's MSE of each head, step 2's L_dis and the last step 3 L_dis.</summary>
public readonly record struct MrdStepLosses(float Mse1, float Mse2, float Discrepancy, float EncoderDiscrepancy)
{
    /// <summary>Puts the losses into <paramref name="losses"/> (reused from step to step) and returns it.</summary>
    public Dictionary<string, double> WriteTo(Dictionary<string, double> losses)
    {
        losses["mse"] = 0.5 * (Mse1 + Mse2);
        losses["dis"] = Discrepancy;
        losses["dis_e"] = EncoderDiscrepancy;
        return losses;
    }
}

/// <summary>
/// MRD's three steps on one batch, exactly as in the paper and as a PyTorch implementation runs them
/// (the golden fixture): every forward in training mode (batch statistics, dropout on; BatchNorm running
/// statistics move in every forward, also of the "fixed" networks); source and target in separate
/// forward passes; two Adam optimisers, one for E and one for R1 + R2; "fixed" = frozen (no gradient,
/// not updated). Usable on its own to time training steps without the epoch loop.
/// </summary>
public sealed class MrdTrainer
{
    private readonly MseLoss _mse = new();
    private readonly L1DiscrepancyLoss _dis = new();
    private Matrix? _encoderGrad;

    public MrdTrainer(ValenceModel model, double learningRate, int encoderSteps)
        : this(model.EncoderNetwork, Head(model, "r1"), Head(model, "r2"), learningRate, encoderSteps)
    {
    }

    public MrdTrainer(Sequential encoder, Sequential r1, Sequential r2, double learningRate, int encoderSteps)
    {
        if (encoderSteps < 1) throw new InvalidSettingException("m", $"must be at least 1, got {encoderSteps}.");
        if (!(learningRate > 0)) throw new InvalidSettingException("lr", $"must be positive, got {learningRate}.");
        Encoder = encoder;
        R1 = r1;
        R2 = r2;
        EncoderSteps = encoderSteps;
        EncoderOptimizer = new Adam(encoder.Parameters(), learningRate);
        RegressorOptimizer = new Adam(r1.Parameters().Concat(r2.Parameters()), learningRate);
    }

    public Sequential Encoder { get; }
    public Sequential R1 { get; }
    public Sequential R2 { get; }

    /// <summary>m: encoder updates per batch in step 3.</summary>
    public int EncoderSteps { get; }

    public Adam EncoderOptimizer { get; }
    public Adam RegressorOptimizer { get; }

    /// <summary>Steps 1, 2 and m times 3 on one batch: x_s (N, D), y_s (N, 1), x_t (M, D).</summary>
    public MrdStepLosses TrainBatch(Matrix sourceX, Matrix sourceY, Matrix targetX)
    {
        var (mse1, mse2) = Step1(sourceX, sourceY);
        float dis = Step2(sourceX, sourceY, targetX).Discrepancy;
        float disE = 0;
        for (int k = 0; k < EncoderSteps; k++)
            disE = Step3(targetX);
        return new MrdStepLosses(mse1, mse2, dis, disE);
    }

    /// <summary>Step 1: E, R1, R2 minimise MSE(f1(x_s), y_s) + MSE(f2(x_s), y_s); one encoder pass feeds both heads.</summary>
    public (float Mse1, float Mse2) Step1(Matrix sourceX, Matrix sourceY)
    {
        EncoderOptimizer.ZeroGrad();
        RegressorOptimizer.ZeroGrad();
        var hs = Encoder.Forward(sourceX);
        var dh = MatrixCache.Ensure(ref _encoderGrad, hs.Rows, hs.Cols);
        float mse1 = _mse.Forward(R1.Forward(hs), sourceY);
        _mse.Backward();
        R1.Backward(_mse.GradA).Span.CopyTo(dh.Span);
        float mse2 = _mse.Forward(R2.Forward(hs), sourceY);
        _mse.Backward();
        TensorPrimitives.Add(dh.Span, R2.Backward(_mse.GradA).Span, dh.Span);
        Encoder.BackwardWithoutInputGradient(dh);
        EncoderOptimizer.Step();
        RegressorOptimizer.Step();
        return (mse1, mse2);
    }

    /// <summary>
    /// Step 2: E fixed; R1, R2 minimise MSE_s - L_dis(x_t). The source and target terms are independent,
    /// so each pass's gradients are accumulated right after it.
    /// </summary>
    public (float Mse, float Discrepancy) Step2(Matrix sourceX, Matrix sourceY, Matrix targetX)
    {
        RegressorOptimizer.ZeroGrad();
        Freeze(EncoderOptimizer.Parameters, true);
        try
        {
            var hs = Encoder.Forward(sourceX);
            float mse = _mse.Forward(R1.Forward(hs), sourceY);
            _mse.Backward();
            R1.BackwardWithoutInputGradient(_mse.GradA);
            mse += _mse.Forward(R2.Forward(hs), sourceY);
            _mse.Backward();
            R2.BackwardWithoutInputGradient(_mse.GradA);

            var ht = Encoder.Forward(targetX);
            float dis = _dis.Forward(R1.Forward(ht), R2.Forward(ht));
            _dis.Backward(-1f);
            R1.BackwardWithoutInputGradient(_dis.GradA);
            R2.BackwardWithoutInputGradient(_dis.GradB);
            RegressorOptimizer.Step();
            return (mse, dis);
        }
        finally
        {
            Freeze(EncoderOptimizer.Parameters, false);
        }
    }

    /// <summary>Step 3 (one of the m updates): R1, R2 fixed; E minimises L_dis(x_t).</summary>
    public float Step3(Matrix targetX)
    {
        EncoderOptimizer.ZeroGrad();
        Freeze(RegressorOptimizer.Parameters, true);
        try
        {
            var ht = Encoder.Forward(targetX);
            var dh = MatrixCache.Ensure(ref _encoderGrad, ht.Rows, ht.Cols);
            float dis = _dis.Forward(R1.Forward(ht), R2.Forward(ht));
            _dis.Backward();
            R1.Backward(_dis.GradA).Span.CopyTo(dh.Span);
            TensorPrimitives.Add(dh.Span, R2.Backward(_dis.GradB).Span, dh.Span);
            Encoder.BackwardWithoutInputGradient(dh);
            EncoderOptimizer.Step();
            return dis;
        }
        finally
        {
            Freeze(RegressorOptimizer.Parameters, false);
        }
    }

    // The optimisers' lists hold exactly E's and R1 + R2's parameters; Module.Frozen would build their
    // dotted names on every call (allocation in the training loop).
    private static void Freeze(IReadOnlyList<Parameter> parameters, bool frozen)
    {
        for (int i = 0; i < parameters.Count; i++)
            parameters[i].Frozen = frozen;
    }

    private static Sequential Head(ValenceModel model, string name)
    {
        int index = model.HeadNames.ToList().IndexOf(name);
        if (index < 0)
            throw new ArgumentException($"An MRD model needs heads 'r1' and 'r2'; this {model.Method} model has {string.Join(", ", model.HeadNames)}.");
        return model.HeadNetworks[index];
    }
}
