using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace SerAdapt.Engine;

/// <summary>
/// Inverted dropout: in training each element is kept with probability 1 - p and scaled by
/// 1 / (1 - p); in evaluation (or with p = 0) it is the identity and passes its input through.
/// A new mask is drawn from the seeded generator at every training forward, unless
/// <see cref="MaskFixed"/> holds the current one (for gradient checks).
/// </summary>
public sealed class Dropout : Module
{
    private readonly Rng _rng;
    private Matrix? _mask;
    private Matrix? _output;
    private Matrix? _inputGrad;
    private bool _lastForwardMasked;
    private int _lastRows = -1, _lastCols = -1;

    public Dropout(Rng rng, float p = 0.5f)
    {
        if (!(p >= 0f && p < 1f))
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        _rng = rng;
        P = p;
    }

    public float P { get; }

    /// <summary>When set, training forwards reuse the current mask instead of drawing a new one.</summary>
    public bool MaskFixed { get; set; }

    /// <summary>The mask of the last training forward (0 or 1/(1-p) per element), or null.</summary>
    public Matrix? Mask => _mask;

    /// <summary>Uses <paramref name="mask"/> (values 0 or 1/(1-p)) from now on and fixes it.</summary>
    public void SetMask(Matrix mask)
    {
        mask.Span.CopyTo(MatrixCache.Ensure(ref _mask, mask.Rows, mask.Cols).Span);
        MaskFixed = true;
    }

    /// <summary>A replica draws from the same generator (masks follow the order of forwards) but keeps its own mask.</summary>
    protected override Module CreateReplica() => new Dropout(_rng, P);

    // x: (N, D) -> y: (N, D)
    public override Matrix Forward(Matrix x)
    {
        _lastRows = x.Rows;
        _lastCols = x.Cols;
        _lastForwardMasked = IsTraining && P > 0f;
        if (!_lastForwardMasked)
            return x;
        if (MaskFixed)
        {
            if (_mask is null)
                throw new InvalidOperationException("Dropout.MaskFixed is set but no mask has been drawn or given.");
            if (_mask.Rows != x.Rows || _mask.Cols != x.Cols)
                throw new ShapeMismatchException($"Dropout: fixed mask {_mask.ShapeString} does not fit input {x.ShapeString}.");
        }
        else
        {
            DrawMask(MatrixCache.Ensure(ref _mask, x.Rows, x.Cols).Span);
        }
        var y = MatrixCache.Ensure(ref _output, x.Rows, x.Cols);
        TensorPrimitives.Multiply(x.Span, _mask!.Span, y.Span);
        return y;
    }

    // mask[i] = NextFloat() < P ? 0 : 1 / (1 - P), one draw per element in order; NextFloat() = k / 2^24 with
    // an integer k, so NextFloat() < P exactly when k < ceil(P * 2^24), compared here 8 or 16 lanes at a time.
    private void DrawMask(Span<float> mask)
    {
        uint threshold = (uint)Math.Ceiling(P * (double)(1 << 24));
        uint keepBits = BitConverter.SingleToUInt32Bits(1f / (1f - P));
        Span<uint> draws = stackalloc uint[1024];
        var maskBits = MemoryMarshal.Cast<float, uint>(mask);
        for (int start = 0; start < maskBits.Length; start += draws.Length)
        {
            var d = draws[..Math.Min(draws.Length, maskBits.Length - start)];
            var dst = maskBits.Slice(start, d.Length);
            _rng.FillTop24(d);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var t = new Vector<uint>(threshold);
                var keep = new Vector<uint>(keepBits);
                for (; i <= d.Length - Vector<uint>.Count; i += Vector<uint>.Count)
                    (Vector.GreaterThanOrEqual(new Vector<uint>(d[i..]), t) & keep).CopyTo(dst[i..]);
            }
            for (; i < d.Length; i++)
                dst[i] = d[i] >= threshold ? keepBits : 0u;
        }
    }

    // dy: (N, D) -> dx = dy * mask
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        if (_lastRows < 0)
            throw new InvalidOperationException("Dropout.Backward called before Forward.");
        if (dy.Rows != _lastRows || dy.Cols != _lastCols)
            throw new ShapeMismatchException($"Dropout.Backward dy: expected shape ({_lastRows}, {_lastCols}), got {dy.ShapeString}.");
        if (!needInputGradient)
            return null;
        if (!_lastForwardMasked)
            return dy;
        var dx = MatrixCache.Ensure(ref _inputGrad, dy.Rows, dy.Cols);
        TensorPrimitives.Multiply(dy.Span, _mask!.Span, dx.Span);
        return dx;
    }
}
