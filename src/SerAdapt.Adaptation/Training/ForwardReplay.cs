using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Repeats a training-mode forward pass exactly: the engine's modules keep what backward needs from
/// their LAST forward only, so when a loss couples two forward passes of one network (Deep CORAL's
/// source and target covariances) the earlier pass is run again before its backward. The replay reuses
/// the dropout masks captured after the first pass and leaves the BatchNorm running statistics as they
/// were, so it neither draws random numbers nor counts the batch twice; Linear, BatchNorm and SELU are
/// deterministic, so the activations are bit-identical to the first pass.
/// </summary>
internal sealed class ForwardReplay
{
    private readonly Sequential _network;
    private readonly List<Dropout> _dropouts = [];
    private readonly List<BatchNorm1d> _batchNorms = [];
    private readonly Matrix?[] _masks;
    private readonly List<(float[] Mean, float[] Var)> _stats = [];

    public ForwardReplay(Sequential network)
    {
        _network = network;
        Collect(network);
        foreach (var bn in _batchNorms) _stats.Add((new float[bn.Features], new float[bn.Features]));
        _masks = new Matrix?[_dropouts.Count];
    }

    /// <summary>Call right after the forward pass to be replayed: keeps its dropout masks.</summary>
    public void Capture()
    {
        for (int i = 0; i < _dropouts.Count; i++)
        {
            var mask = _dropouts[i].Mask;
            if (mask is null || !_dropouts[i].IsTraining || _dropouts[i].P == 0f)
            {
                _masks[i] = null;
                continue;
            }
            var copy = MatrixCache.Ensure(ref _masks[i], mask.Rows, mask.Cols);
            mask.Span.CopyTo(copy.Span);
        }
    }

    /// <summary>The captured pass again on the same input: returns the same output and restores the caches for backward.</summary>
    public Matrix Replay(Matrix x)
    {
        for (int i = 0; i < _batchNorms.Count; i++)
        {
            _batchNorms[i].RunningMean.Value.Span.CopyTo(_stats[i].Mean);
            _batchNorms[i].RunningVar.Value.Span.CopyTo(_stats[i].Var);
        }
        for (int i = 0; i < _dropouts.Count; i++)
            if (_masks[i] is { } mask) _dropouts[i].SetMask(mask);
        try
        {
            return _network.Forward(x);
        }
        finally
        {
            foreach (var d in _dropouts) d.MaskFixed = false;
            for (int i = 0; i < _batchNorms.Count; i++)
            {
                _stats[i].Mean.CopyTo(_batchNorms[i].RunningMean.Value.Span);
                _stats[i].Var.CopyTo(_batchNorms[i].RunningVar.Value.Span);
            }
        }
    }

    private void Collect(Sequential net)
    {
        foreach (var m in net.Modules)
        {
            switch (m)
            {
                case Sequential inner: Collect(inner); break;
                case Dropout d: _dropouts.Add(d); break;
                case BatchNorm1d bn: _batchNorms.Add(bn); break;
            }
        }
    }
}
