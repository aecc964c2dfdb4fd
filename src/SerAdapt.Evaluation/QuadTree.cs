using System.Runtime.InteropServices;

namespace SerAdapt.Evaluation;

/// <summary>
/// The 2-D space-partitioning tree of Barnes-Hut t-SNE: every cell knows its centre of mass and
/// point count; leaves hold one point, or several when they coincide (depth limit). Rebuilt each
/// iteration into one flat array of nodes, so it allocates only while it grows.
/// </summary>
internal sealed class QuadTree
{
    private const int MaxDepth = 40;

    // Small leaves are summed exactly: cheaper than descending to single points, and more accurate.
    private const int LeafCapacity = 8;

    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public double ComX, ComY, Width2; // centre of mass, squared cell width
        public int Count, FirstChild, Start; // FirstChild < 0: leaf holding _order[Start .. Start + Count)
    }

    private Node[] _nodes = new Node[64];
    private int _used;
    private int[] _order = [], _scratch = [];
    private double[] _points = [];

    public void Build(double[] y)
    {
        int n = y.Length / 2;
        if (_order.Length != n)
        {
            _order = new int[n];
            _scratch = new int[n];
        }
        _points = y;
        for (int i = 0; i < n; i++) _order[i] = i;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]); maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]); maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-12;
        _used = 1;
        Fill(0, 0, n, (minX + maxX) / 2, (minY + maxY) / 2, half, 0);
    }

    private void Fill(int node, int start, int count, double cx, double cy, double half, int depth)
    {
        var y = _points;
        double sx = 0, sy = 0;
        for (int k = start; k < start + count; k++) { sx += y[2 * _order[k]]; sy += y[2 * _order[k] + 1]; }
        _nodes[node] = new Node
        {
            ComX = count > 0 ? sx / count : cx,
            ComY = count > 0 ? sy / count : cy,
            Width2 = 4 * half * half,
            Count = count,
            FirstChild = -1,
            Start = start,
        };
        if (count <= LeafCapacity || depth >= MaxDepth)
            return;

        // Stable counting sort of the range into quadrants 0..3 (bit 0: right, bit 1: top).
        Span<int> sizes = stackalloc int[4];
        for (int k = start; k < start + count; k++) sizes[Quadrant(_order[k], cx, cy)]++;
        Span<int> offsets = stackalloc int[4];
        offsets[0] = start;
        for (int q = 1; q < 4; q++) offsets[q] = offsets[q - 1] + sizes[q - 1];
        Span<int> cursor = stackalloc int[4];
        offsets.CopyTo(cursor);
        for (int k = start; k < start + count; k++) _scratch[cursor[Quadrant(_order[k], cx, cy)]++] = _order[k];
        Array.Copy(_scratch, start, _order, start, count);

        int first = _used;
        _used += 4;
        if (_used > _nodes.Length)
            Array.Resize(ref _nodes, Math.Max(_used, 2 * _nodes.Length));
        _nodes[node].FirstChild = first;
        double h = half / 2;
        for (int q = 0; q < 4; q++)
            Fill(first + q, offsets[q], sizes[q], cx + ((q & 1) != 0 ? h : -h), cy + ((q & 2) != 0 ? h : -h), h, depth + 1);
    }

    private int Quadrant(int i, double cx, double cy) =>
        (_points[2 * i] >= cx ? 1 : 0) | (_points[2 * i + 1] >= cy ? 2 : 0);

    /// <summary>
    /// Adds to (rx, ry) the unnormalised repulsion sum_j q_ij^2 (y_i - y_j) on point i of the built
    /// tree and to sumQ the kernel sum sum_j q_ij, q_ij = (1 + |y_i - y_j|^2)^-1, treating a cell as
    /// one body at its centre of mass when its width / distance &lt; theta.
    /// </summary>
    public void Repulsion(int i, double theta, ref double rx, ref double ry, ref double sumQ)
    {
        var y = _points;
        var nodes = _nodes;
        double xi = y[2 * i], yi = y[2 * i + 1], theta2 = theta * theta;
        Span<int> stack = stackalloc int[4 * MaxDepth + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            ref readonly Node node = ref nodes[stack[--top]];
            int count = node.Count;
            if (count == 0) continue;
            if (node.FirstChild < 0)
            {
                for (int k = node.Start; k < node.Start + count; k++)
                {
                    int j = _order[k];
                    if (j == i) continue;
                    double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    sumQ += q;
                    rx += q * q * dx;
                    ry += q * q * dy;
                }
                continue;
            }
            double cx = xi - node.ComX, cy = yi - node.ComY;
            double d2 = cx * cx + cy * cy;
            if (node.Width2 < theta2 * d2)
            {
                double q = 1 / (1 + d2);
                double cq = count * q;
                sumQ += cq;
                rx += cq * q * cx;
                ry += cq * q * cy;
                continue;
            }
            int first = node.FirstChild;
            stack[top++] = first + 3;
            stack[top++] = first + 2;
            stack[top++] = first + 1;
            stack[top++] = first;
        }
    }
}
