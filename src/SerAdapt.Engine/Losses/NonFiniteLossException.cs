namespace SerAdapt.Engine;

/// <summary>A NaN or infinity reached a loss; the message names the loss, the input and the first bad index.</summary>
public sealed class NonFiniteLossException : ArithmeticException
{
    public NonFiniteLossException(string lossName, string input, int row, int col, float value)
        : base($"{lossName}: input '{input}' holds {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} at index ({row}, {col}).")
    {
        LossName = lossName;
        Input = input;
        Row = row;
        Col = col;
    }

    public string LossName { get; }
    public string Input { get; }
    public int Row { get; }
    public int Col { get; }
}
