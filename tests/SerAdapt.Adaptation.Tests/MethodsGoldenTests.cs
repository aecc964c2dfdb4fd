using SerAdapt.Engine;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// AdaBN, DAN and ADDA against PyTorch 1.13 (tests/golden/make_golden.py --methods, "methods.safetensors"):
/// each method's own batch step (<see cref="AdaptationMethod{TOptions}.StepFor"/>) for three full training
/// iterations on a tiny network (width 4, 2 encoder blocks, regressor-layers 2, dropout 0), every parameter,
/// BatchNorm running statistic and loss after every iteration within 1e-5 relative (1e-6 absolute near zero),
/// with the checks of <see cref="MrdGoldenTests"/>.
/// </summary>
public class MethodsGoldenTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyDictionary<string, TensorData> Golden =
        SafeTensors.Read(Path.Combine(AppContext.BaseDirectory, "Golden", "methods.safetensors")).Tensors;

    private static readonly NetworkArchitecture Tiny = new(6, 4, 2, [new HeadShape("regressor", 2)], 0f);

    private static readonly TrainingOptions Training = new() { LearningRate = 1e-3f };

    private readonly List<(string What, double Error)> _errors = [];

    private static Matrix G(string name) => Golden[name].ToMatrix();

    private static Batch Batch() => new(G("methods.xs"), G("methods.ys"), G("methods.xt"));

    // A model with the fixture's initial weights, and its step set up as the training loop would.
    private static (ValenceModel Model, TrainingSetup Setup, BatchStep Step) Start<T>(AdaptationMethod<T> method) where T : class
    {
        var model = ValenceModel.Create(method.Name, Tiny, new Rng(0));
        model.EncoderNetwork.LoadStateDict(Golden, $"{method.Name}.init.E.");
        model.HeadNetworks[0].LoadStateDict(Golden, $"{method.Name}.init.R.");
        var setup = new TrainingSetup(model, Training, new Rng(0));
        var step = method.StepFor(setup);
        foreach (var m in new Module[] { model.EncoderNetwork, model.HeadNetworks[0] }.Concat(setup.ExtraModules))
            m.SetTraining(true);
        return (model, setup, step);
    }

    private void Loss(string name, double value) =>
        _errors.Add((name, MrdGoldenTests.Check(name, [(float)value], Golden[name].Values)));

    private void Weights(string stage, params (string Name, Module Net)[] nets)
    {
        foreach (var (name, net) in nets)
            foreach (var (key, value) in net.StateDict())
                _errors.Add(($"{stage}.{name}.{key}", MrdGoldenTests.Check($"{stage}.{name}.{key}", value.Values, Golden[$"{stage}.{name}.{key}"].Values)));
    }

    private void Report(string method)
    {
        var worst = _errors.MaxBy(e => e.Error);
        output.WriteLine($"{method} golden parity: {_errors.Count} tensors and losses, worst relative error {worst.Error:G3} at {worst.What}");
    }

    [Fact]
    public void AdaBn_ThreeIterationsAndTargetStatistics_MatchPyTorch()
    {
        var (model, _, step) = Start(new AdaBn(new SourceOnlyOptions(RegressorLayers: 2)));
        for (int it = 1; it <= 3; it++)
        {
            Loss($"adabn.iter{it}.mse", step(Batch(), 0)["mse"]);
            Weights($"adabn.iter{it}", ("E", model.EncoderNetwork), ("R", model.HeadNetworks[0]));
        }
        AdaBn.UseTargetStatistics(model, G("methods.xt"));
        Weights("adabn.target", ("E", model.EncoderNetwork), ("R", model.HeadNetworks[0]));
        Report("AdaBN");
    }

    [Fact]
    public void Dan_ThreeIterations_MatchPyTorch()
    {
        var (model, _, step) = Start(new Dan(new DanOptions(RegressorLayers: 2)));
        for (int it = 1; it <= 3; it++)
        {
            var losses = step(Batch(), 0);
            Loss($"dan.iter{it}.mse", losses["mse"]);
            Loss($"dan.iter{it}.mmd", losses["mmd"]);
            Weights($"dan.iter{it}", ("E", model.EncoderNetwork), ("R", model.HeadNetworks[0]));
        }
        Report("DAN");
    }

    [Fact]
    public void Adda_PretrainingThenThreeAdversarialIterations_MatchPyTorch()
    {
        var (model, setup, step) = Start(new Adda(new AddaOptions(DiscriminatorLayers: 2, DiscriminatorWidth: 4, RegressorLayers: 2)));
        var (sourceEncoder, discriminator) = (setup.ExtraModules[0], setup.ExtraModules[1]);
        discriminator.LoadStateDict(Golden, "adda.init.D.");
        Loss("adda.pretrain.mse", step(Batch(), 0)["mse"]);
        Weights("adda.pretrain", ("E", model.EncoderNetwork), ("R", model.HeadNetworks[0]), ("D", discriminator));
        for (int it = 1; it <= 3; it++)
        {
            var losses = step(Batch(), 0.9);
            Loss($"adda.iter{it}.discriminator", losses["discriminator"]);
            Loss($"adda.iter{it}.confusion", losses["confusion"]);
            Weights($"adda.iter{it}", ("E", model.EncoderNetwork), ("R", model.HeadNetworks[0]), ("D", discriminator), ("Es", sourceEncoder));
        }
        Report("ADDA");
    }
}
