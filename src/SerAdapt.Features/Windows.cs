namespace SerAdapt.Features;

/// <summary>The analysis windows of the IS10 framers (openSMILE's cWindower, gain 1).</summary>
public static class Windows
{
    /// <summary>w[n] = 0.54 - 0.46 cos(2 pi n / (N-1)), rounded to float32 (the frames are float32).</summary>
    public static float[] Hamming(int n)
    {
        var w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (float)HammingWeight(i, n);
        return w;
    }

    /// <summary>The Hamming weight of sample i of n in double (cIntensity uses the double weights).</summary>
    public static double HammingWeight(int i, int n) => 0.54 - 0.46 * Math.Cos(2 * Math.PI * i / (n - 1));

    /// <summary>w[n] = exp(-0.5 ((n - (N-1)/2) / (sigma (N-1)/2))^2).</summary>
    public static float[] Gaussian(int n, double sigma)
    {
        var w = new float[n];
        double half = (n - 1) / 2.0;
        for (int i = 0; i < n; i++)
        {
            double z = (i - half) / (sigma * half);
            w[i] = (float)Math.Exp(-0.5 * z * z);
        }
        return w;
    }
}
