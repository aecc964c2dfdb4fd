using Spectre.Console;

namespace SerAdapt.Cli;

/// <summary>
/// Spectre.Console wraps at 80 columns when it cannot ask a terminal for its width, which breaks long
/// paths in logs into pieces that cannot be copied. With redirected output nothing is wrapped.
/// </summary>
internal static class RedirectedConsole
{
    /// <summary>Wide enough for the longest path any OS allows (32,767 characters on Windows).</summary>
    public const int Width = 32_767;

    public static void Configure(IAnsiConsole console, bool outputRedirected)
    {
        if (outputRedirected) console.Profile.Width = Width;
    }
}
