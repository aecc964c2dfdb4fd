using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace SerAdapt.Engine;

/// <summary>
/// What the processor is, from CPUID: vendor, family and model (as /proc/cpuinfo counts them),
/// brand string, and the widest vector the runtime accelerates. <see cref="Gemm"/> picks its
/// micro-kernel from it; <c>seradapt bench</c> reports it beside the figures.
/// </summary>
public sealed record CpuInfo(string Vendor, int Family, int Model, string Name, int VectorBits)
{
    public static CpuInfo Current { get; } = Detect();

    /// <summary>Microarchitecture when known (AMD Zen 3/4/5 by family), else "vendor family f model m".</summary>
    public string Microarchitecture => (Vendor, Family) switch
    {
        ("AuthenticAMD", 25) => Model is >= 0x10 and <= 0x1F or >= 0x60 and <= 0x7F or >= 0xA0 and <= 0xAF ? "Zen 4" : "Zen 3",
        ("AuthenticAMD", 26) => "Zen 5",
        _ => $"{Vendor} family {Family} model {Model}",
    };

    public override string ToString() => $"{Name} ({Microarchitecture}, family {Family} model {Model}, {VectorBits}-bit vectors)";

    private static CpuInfo Detect()
    {
        int bits = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        if (!X86Base.IsSupported)
            return new CpuInfo(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), 0, 0,
                System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), bits);
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        string vendor = Ascii(ebx, edx, ecx);
        var (eax, _, _, _) = X86Base.CpuId(1, 0);
        int baseFamily = (eax >> 8) & 0xF, baseModel = (eax >> 4) & 0xF;
        int family = baseFamily == 0xF ? baseFamily + ((eax >> 20) & 0xFF) : baseFamily;
        int model = baseFamily is 0xF or 0x6 ? baseModel | (((eax >> 16) & 0xF) << 4) : baseModel;
        var name = new StringBuilder();
        if ((uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax >= 0x80000004)
            for (int leaf = 0; leaf < 3; leaf++)
            {
                var (a, b, c, d) = X86Base.CpuId(unchecked((int)0x80000002) + leaf, 0);
                name.Append(Ascii(a, b, c, d));
            }
        return new CpuInfo(vendor, family, model, name.ToString().TrimEnd('\0', ' ').Trim(), bits);
    }

    private static string Ascii(params int[] registers) =>
        Encoding.ASCII.GetString(registers.SelectMany(BitConverter.GetBytes).ToArray());
}
