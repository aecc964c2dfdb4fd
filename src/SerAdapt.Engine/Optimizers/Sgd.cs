using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// Stochastic gradient descent as PyTorch's torch.optim.SGD with dampening 0, no Nesterov:
/// g += wd p; buf = g at the first step, else buf = momentum buf + g; p -= lr buf.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly float[][] _momentumBuffers;
    private readonly bool[] _started;
    private readonly bool[] _first;

    public Sgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : base(parameters)
    {
        LearningRate = learningRate;
        Momentum = momentum;
        WeightDecay = weightDecay;
        _momentumBuffers = Parameters.Select(p => momentum != 0 ? new float[p.Value.Length] : []).ToArray();
        _started = new bool[Parameters.Count];
        _first = new bool[Parameters.Count];
    }

    public double LearningRate { get; set; }
    public double Momentum { get; }
    public double WeightDecay { get; }

    protected override void BeginUpdate(int index, Parameter parameter)
    {
        _first[index] = !_started[index];
        _started[index] = true;
        _ = parameter.Grad; // a pending zeroing happens here, before the ranges run in parallel
    }

    protected override void UpdateRange(int index, Parameter parameter, int start, int length)
    {
        var p = parameter.Value.Span.Slice(start, length);
        ReadOnlySpan<float> g = parameter.Grad.Span.Slice(start, length);
        float negLr = (float)-LearningRate, wd = (float)WeightDecay;
        if (Momentum == 0)
        {
            // p += -lr (g + wd p); the stored gradient is left as it is, as in PyTorch.
            for (int i = 0; i < p.Length; i++)
                p[i] += negLr * (wd != 0f ? g[i] + wd * p[i] : g[i]);
            return;
        }
        var buf = _momentumBuffers[index].AsSpan(start, length);
        UpdateMomentum(_first[index], buf, g, p, wd);
        TensorPrimitives.MultiplyAdd(buf, negLr, p, p);
    }

    // buf = (first step) g + wd p, else momentum * buf + (g + wd p)
    private void UpdateMomentum(bool first, Span<float> buf, ReadOnlySpan<float> g, ReadOnlySpan<float> p, float wd)
    {
        float mu = (float)Momentum;
        for (int i = 0; i < buf.Length; i++)
        {
            float gi = wd != 0f ? g[i] + wd * p[i] : g[i];
            buf[i] = first ? gi : mu * buf[i] + gi;
        }
    }
}
