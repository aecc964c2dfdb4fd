using System.Text;

namespace SerAdapt.Experiments;

/// <summary>
/// Derives each run's seed from the experiment's master seed, the direction and the repeat number
/// only: all methods of one repeat share a seed (so they are paired for the Wilcoxon test and start
/// from the same split of the source), and a run's seed never depends on which other runs exist,
/// on their order or on sharding.
/// </summary>
public static class RunSeeds
{
    public static int Derive(int masterSeed, string direction, int repeat)
    {
        // FNV-1a over the text, then SplitMix64's finaliser to spread neighbouring inputs apart.
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes($"{masterSeed}|{direction}|{repeat}"))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (int)(h & 0x7FFFFFFF);
    }
}
