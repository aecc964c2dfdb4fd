using System.Runtime.CompilerServices;

namespace SerAdapt.Engine;

/// <summary>
/// A row-major float32 matrix (Rows x Cols) over a buffer that it may share with other matrices:
/// <see cref="RowsView"/> returns a view of consecutive rows without copying.
/// </summary>
public sealed class Matrix
{
    public Matrix(int rows, int cols)
        : this(new float[checked(rows * cols)], 0, rows, cols)
    {
    }

    public Matrix(float[] buffer, int offset, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (offset < 0 || (long)offset + (long)rows * cols > buffer.Length)
            throw new ArgumentException($"A {rows}x{cols} matrix at offset {offset} does not fit a buffer of {buffer.Length} floats.");
        Buffer = buffer;
        Offset = offset;
        Rows = rows;
        Cols = cols;
    }

    public float[] Buffer { get; }
    public int Offset { get; }
    public int Rows { get; }
    public int Cols { get; }
    public int Length => Rows * Cols;

    public Span<float> Span => Buffer.AsSpan(Offset, Rows * Cols);

    public Span<float> Row(int r) => Buffer.AsSpan(Offset + r * Cols, Cols);

    public ref float this[int r, int c]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Buffer[Offset + r * Cols + c];
    }

    /// <summary>Rows [start, start + count) as a matrix sharing this buffer.</summary>
    public Matrix RowsView(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Rows)
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows [{start}, {start + count}) are outside a {Rows}x{Cols} matrix.");
        return new Matrix(Buffer, Offset + start * Cols, count, Cols);
    }

    public static Matrix FromArray(float[,] values)
    {
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Cols; c++)
                m[r, c] = values[r, c];
        return m;
    }

    public Matrix Clone()
    {
        var m = new Matrix(Rows, Cols);
        Span.CopyTo(m.Span);
        return m;
    }

    public void Clear() => Span.Clear();

    public string ShapeString => $"({Rows}, {Cols})";

    public override string ToString() => $"Matrix{ShapeString}";
}
