using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Mini-batches for one epoch: the source rows are shuffled every epoch (the seeded "shuffle"
/// stream) and cut into batches of BatchSize; a final short batch is kept only if it has at least
/// 2 rows (batch normalisation needs 2 rows to compute a variance), otherwise dropped. Target batches
/// of the same size are drawn alongside from a shuffled target order (the "shuffle-target" stream),
/// reshuffled whenever fewer rows than a batch remain, so a shorter target is cycled and a longer one
/// is visited in parts. A target smaller than the batch gives its whole self in every batch.
/// </summary>
internal sealed class BatchSampler
{
    private readonly Matrix _sourceX;
    private readonly float[] _sourceY;
    private readonly Matrix? _targetX;
    private readonly int _batchSize;
    private readonly Rng _shuffle;
    private readonly Rng _targetShuffle;
    private readonly int[] _order;
    private readonly int[] _targetOrder;
    private int _targetNext; // == _targetOrder.Length at the start: the first batch draws a permutation
    private readonly Dictionary<int, Batch> _buffers = [];

    public BatchSampler(Matrix sourceX, float[] sourceY, Matrix? targetX, int batchSize, Rng shuffle, Rng targetShuffle)
    {
        if (sourceX.Rows < 2)
            throw new ArgumentException($"Training needs at least 2 labelled source rows, got {sourceX.Rows}.");
        if (targetX is not null && targetX.Rows < 2)
            throw new ArgumentException($"Adaptation needs at least 2 target rows, got {targetX.Rows}.");
        _sourceX = sourceX;
        _sourceY = sourceY;
        _targetX = targetX;
        _batchSize = Math.Min(batchSize, sourceX.Rows);
        _shuffle = shuffle;
        _targetShuffle = targetShuffle;
        _order = new int[sourceX.Rows];
        _targetOrder = new int[targetX?.Rows ?? 0];
        _targetNext = _targetOrder.Length;
        int tail = sourceX.Rows % _batchSize;
        StepsPerEpoch = sourceX.Rows / _batchSize + (tail >= 2 ? 1 : 0);
    }

    public int StepsPerEpoch { get; }

    public void StartEpoch() => _shuffle.Permutation(_order);

    /// <summary>Batch <paramref name="step"/> (0-based) of the current epoch; its matrices are reused by later calls.</summary>
    public Batch Next(int step)
    {
        int start = step * _batchSize;
        int size = Math.Min(_batchSize, _sourceX.Rows - start);
        if (!_buffers.TryGetValue(size, out var batch))
        {
            int targetSize = _targetX is null ? 0 : Math.Min(size, _targetX.Rows);
            batch = new Batch(new Matrix(size, _sourceX.Cols), new Matrix(size, 1),
                _targetX is null ? null : new Matrix(targetSize, _targetX.Cols));
            _buffers[size] = batch;
        }
        for (int i = 0; i < size; i++)
        {
            int row = _order[start + i];
            _sourceX.Row(row).CopyTo(batch.SourceX.Row(i));
            batch.SourceY[i, 0] = _sourceY[row];
        }
        if (_targetX is not null)
        {
            var tx = batch.TargetX!;
            if (_targetNext + tx.Rows > _targetOrder.Length)
            {
                _targetShuffle.Permutation(_targetOrder);
                _targetNext = 0;
            }
            for (int i = 0; i < tx.Rows; i++)
                _targetX.Row(_targetOrder[_targetNext + i]).CopyTo(tx.Row(i));
            _targetNext += tx.Rows;
        }
        return batch;
    }
}
