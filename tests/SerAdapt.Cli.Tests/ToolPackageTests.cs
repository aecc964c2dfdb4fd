using System.Diagnostics;
using System.IO.Compression;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// The <c>dotnet tool</c> package as <c>dotnet pack</c> makes it (once for these tests, from the build the
/// tests run on): README and LICENSE inside, and the native plotting libraries of the kept platforms only.
/// </summary>
public sealed class ToolPackageTests(ToolPackageTests.Package package) : IClassFixture<ToolPackageTests.Package>
{
    private static readonly string[] KeptRuntimes = ["linux-x64", "linux-arm64", "osx", "win-x64"];
    private static readonly string[] DroppedRuntimes = ["linux-arm", "linux-musl-x64", "linux-x86", "win-x86", "win-arm64", "linux-riscv64"];

    [Fact]
    public void Pack_SucceedsWithoutWarningsOrMissingReadme() =>
        Assert.True(package.ExitCode == 0 && !package.Log.Contains("warning", StringComparison.OrdinalIgnoreCase)
            && !package.Log.Contains("missing a readme", StringComparison.Ordinal), package.Log);

    [Fact]
    public void Package_HoldsReadmeAndLicense()
    {
        Assert.Contains("README.md", package.Entries);
        Assert.Contains("LICENSE", package.Entries);
    }

    [Fact]
    public void Package_HoldsTheKeptRuntimesNativeLibrariesOnly()
    {
        foreach (var rid in KeptRuntimes)
            Assert.Contains(package.Entries, e => e.Contains($"/runtimes/{rid}/native/libSkiaSharp.", StringComparison.Ordinal));
        foreach (var rid in DroppedRuntimes)
            Assert.DoesNotContain(package.Entries, e => e.Contains($"/runtimes/{rid}/", StringComparison.Ordinal));
        var runtimes = package.Entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal))
            .Select(e => e.Split("/runtimes/")[1].Split('/')[0]).Distinct().Order().ToArray();
        Assert.Equal(KeptRuntimes.Order().ToArray(), runtimes);
    }

    /// <summary>Packs src/SerAdapt.Cli (no build: the one the tests use) into a temp folder and lists the .nupkg.</summary>
    public sealed class Package : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-pack").FullName;

        public Package()
        {
            string root = RepositoryRoot();
            // The tests' own configuration is the one that was built.
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var start = new ProcessStartInfo("dotnet",
                ["pack", Path.Combine(root, "src", "SerAdapt.Cli", "SerAdapt.Cli.csproj"), "-c", configuration, "--no-build",
                 "-o", _dir, "--nologo", "--disable-build-servers"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            Log = process.StandardOutput.ReadToEnd() + error.Result;
            process.WaitForExit();
            ExitCode = process.ExitCode;
            var nupkg = Directory.GetFiles(_dir, "*.nupkg").SingleOrDefault();
            if (nupkg is null) return;
            using var zip = ZipFile.OpenRead(nupkg);
            Entries = zip.Entries.Select(e => e.FullName).ToArray();
        }

        public int ExitCode { get; }
        public string Log { get; }
        public string[] Entries { get; } = [];

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SerAdapt.slnx"))) return dir.FullName;
            throw new DirectoryNotFoundException($"no SerAdapt.slnx above {AppContext.BaseDirectory}");
        }
    }
}
