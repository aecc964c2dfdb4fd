namespace SerAdapt.Evaluation;

/// <summary>
/// The 2-D space-partitioning tree of Barnes-Hut t-SNE: every cell knows its centre of mass and
/// point count; leaves hold one point, or several when they coincide (depth limit). Rebuilt each
/// iteration into flat arrays, so it allocates only while it grows.
/// </summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 40;

    private double[] _cx = new double[64], _cy = new double[64], _half = new double[64];
    private double[] _comX = new double[64], _comY = new double[64];
    private int[] _count = new int[64], _firstChild = new int[64], _start = new int[64];
    private int[] _order = [], _scratch = [];
    private int _nodes;

    public void Build(double[] y)
    {
        int n = y.Length / 2;
        if (_order.Length != n)
        {
            _order = new int[n];
            _scratch = new int[n];
        }
        for (int i = 0; i < n; i++) _order[i] = i;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]); maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]); maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12;
        _nodes = 1;
        Fill(0, 0, n, (minX + maxX) / 2, (minY + maxY) / 2, half, 0, y);
    }

    private void Fill(int node, int start, int count, double cx, double cy, double half, int depth, double[] y)
    {
        _cx[node] = cx; _cy[node] = cy; _half[node] = half;
        _start[node] = start; _count[node] = count; _firstChild[node] = -1;
        double sx = 0, sy = 0;
        for (int k = start; k < start + count; k++) { sx += y[2 * _order[k]]; sy += y[2 * _order[k] + 1]; }
        _comX[node] = count > 0 ? sx / count : cx;
        _comY[node] = count > 0 ? sy / count : cy;
        if (count <= 1 || depth >= MaxDepth)
            return;

        // Stable counting sort of the range into quadrants 0..3 (bit 0: right, bit 1: top).
        Span<int> sizes = stackalloc int[4];
        for (int k = start; k < start + count; k++) sizes[Quadrant(_order[k], cx, cy, y)]++;
        Span<int> offsets = stackalloc int[4];
        offsets[0] = start;
        for (int q = 1; q < 4; q++) offsets[q] = offsets[q - 1] + sizes[q - 1];
        Span<int> cursor = stackalloc int[4];
        offsets.CopyTo(cursor);
        for (int k = start; k < start + count; k++) _scratch[cursor[Quadrant(_order[k], cx, cy, y)]++] = _order[k];
        Array.Copy(_scratch, start, _order, start, count);

        int first = _nodes;
        _nodes += 4;
        EnsureCapacity(_nodes);
        _firstChild[node] = first;
        double h = half / 2;
        for (int q = 0; q < 4; q++)
            Fill(first + q, offsets[q], sizes[q], cx + ((q & 1) != 0 ? h : -h), cy + ((q & 2) != 0 ? h : -h), h, depth + 1, y);
    }

    private static int Quadrant(int i, double cx, double cy, double[] y) =>
        (y[2 * i] >= cx ? 1 : 0) | (y[2 * i + 1] >= cy ? 2 : 0);

    /// <summary>
    /// Adds to (rx, ry) the unnormalised repulsion sum_j q_ij^2 (y_i - y_j) on point i and to sumQ the
    /// kernel sum sum_j q_ij, q_ij = (1 + |y_i - y_j|^2)^-1, treating a cell as one body at its
    /// centre of mass when its width / distance &lt; theta.
    /// </summary>
    public void Repulsion(int i, double[] y, double theta, ref double rx, ref double ry, ref double sumQ) =>
        Visit(0, i, y, y[2 * i], y[2 * i + 1], theta * theta, ref rx, ref ry, ref sumQ);

    private void Visit(int node, int i, double[] y, double xi, double yi, double theta2, ref double rx, ref double ry, ref double sumQ)
    {
        int count = _count[node];
        if (count == 0) return;
        if (_firstChild[node] < 0)
        {
            for (int k = _start[node]; k < _start[node] + count; k++)
            {
                int j = _order[k];
                if (j == i) continue;
                double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy);
                sumQ += q;
                rx += q * q * dx;
                ry += q * q * dy;
            }
            return;
        }
        double cx = xi - _comX[node], cy = yi - _comY[node];
        double d2 = cx * cx + cy * cy;
        double width = 2 * _half[node];
        if (width * width < theta2 * d2)
        {
            double q = 1 / (1 + d2);
            sumQ += count * q;
            rx += count * q * q * cx;
            ry += count * q * q * cy;
            return;
        }
        int first = _firstChild[node];
        for (int q = 0; q < 4; q++)
            Visit(first + q, i, y, xi, yi, theta2, ref rx, ref ry, ref sumQ);
    }

    private void EnsureCapacity(int nodes)
    {
        if (nodes <= _cx.Length) return;
        int size = Math.Max(nodes, 2 * _cx.Length);
        Array.Resize(ref _cx, size); Array.Resize(ref _cy, size); Array.Resize(ref _half, size);
        Array.Resize(ref _comX, size); Array.Resize(ref _comY, size);
        Array.Resize(ref _count, size); Array.Resize(ref _firstChild, size); Array.Resize(ref _start, size);
    }
}
