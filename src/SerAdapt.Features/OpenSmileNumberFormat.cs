using System.Globalization;

namespace SerAdapt.Features;

/// <summary>How openSMILE prints numbers (pitfall P10): ARFF uses printf "%e" of the float32
/// value (7 significant digits, at least two exponent digits); CSV prints a value that is an exact
/// integer with "%i" and everything else with "%e"; times use "%f".</summary>
internal static class OpenSmileNumberFormat
{
    public static string Exponent(float value)
    {
        if (float.IsNaN(value)) return "nan";
        if (float.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        // "-0.000000e+00" as printf, which the custom format below would print without the sign.
        if (value == 0) return float.IsNegative(value) ? "-0.000000e+00" : "0.000000e+00";
        return ((double)value).ToString("0.000000e+00", CultureInfo.InvariantCulture);
    }

    public static string Csv(float value) =>
        value == MathF.Round(value) && Math.Abs(value) < 2147483648f
            ? ((int)value).ToString(CultureInfo.InvariantCulture)
            : Exponent(value);

    public static string Fixed(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);
}
