using System.Globalization;

namespace SerAdapt.Features;

/// <summary>How openSMILE prints numbers (pitfall P10): ARFF uses printf "%e" of the float32
/// value (7 significant digits, at least two exponent digits); CSV prints a value that is an exact
/// integer with "%i" and everything else with "%e"; times use "%f".</summary>
internal static class OpenSmileNumberFormat
{
    public static string Exponent(float value)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..FormatExponent(value, buffer)]);
    }

    public static string Csv(float value)
    {
        Span<char> buffer = stackalloc char[32];
        return new string(buffer[..FormatCsv(value, buffer)]);
    }

    public static void WriteExponent(TextWriter writer, float value)
    {
        Span<char> buffer = stackalloc char[32];
        writer.Write(buffer[..FormatExponent(value, buffer)]);
    }

    public static void WriteCsv(TextWriter writer, float value)
    {
        Span<char> buffer = stackalloc char[32];
        writer.Write(buffer[..FormatCsv(value, buffer)]);
    }

    public static string Fixed(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    private static int FormatCsv(float value, Span<char> buffer)
    {
        if (value == MathF.Round(value) && Math.Abs(value) < 2147483648f)
        {
            ((int)value).TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }
        return FormatExponent(value, buffer);
    }

    // printf("%e"): d.dddddde+XX with at least two exponent digits; nan/inf as glibc prints them.
    private static int FormatExponent(float value, Span<char> buffer)
    {
        if (float.IsNaN(value)) return Copy("nan", buffer);
        if (float.IsInfinity(value)) return Copy(value > 0 ? "inf" : "-inf", buffer);
        // .NET's "E6" gives d.ddddddE+XXX (three exponent digits): lower-case it and drop one
        // leading exponent zero when there are three digits and the first is zero.
        ((double)value).TryFormat(buffer, out int n, "E6", CultureInfo.InvariantCulture);
        int e = buffer[..n].IndexOf('E');
        buffer[e] = 'e';
        if (n - e - 2 == 3 && buffer[e + 2] == '0')
        {
            buffer[e + 2] = buffer[e + 3];
            buffer[e + 3] = buffer[e + 4];
            n--;
        }
        return n;
    }

    private static int Copy(string s, Span<char> buffer)
    {
        s.CopyTo(buffer);
        return s.Length;
    }
}
