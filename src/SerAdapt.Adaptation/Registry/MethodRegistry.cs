namespace SerAdapt.Adaptation;

/// <summary>
/// Every method SerAdapt knows, one <see cref="MethodEntry"/> each. The command line (flags and help),
/// the YAML config (keys), model.json (options) and the reports (names, tables) are all generated from
/// it, so adding a method is one file and one entry. A setting name declared by several methods (e.g.
/// <c>regressor-layers</c>) must be declared alike, and then means the same thing for each of them.
/// </summary>
public sealed class MethodRegistry
{
    /// <summary>The MRD paper's five systems, in Table-1 order, then the methods beyond the paper.</summary>
    public static MethodRegistry Default { get; } = new([
        MethodEntry.Of<SourceOnlyOptions>("Source-only", "E + R trained on the source's labels, applied to the target unchanged", inPaper: true, o => new SourceOnly(o)),
        MethodEntry.Of<SourceOnlyOptions>("Train-on-Target", "E + R trained on the target's own labels, leave-one-group-out (the upper bound)", inPaper: true, o => new TrainOnTarget(o)),
        MethodEntry.Of<DannOptions>("DANN", "domain discriminator behind gradient reversal (Ganin & Lempitsky 2015)", inPaper: true, o => new Dann(o)),
        MethodEntry.Of<CoralOptions>("Deep CORAL", "MSE + lambda * distance of the encoder covariances (Sun & Saenko 2016)", inPaper: true, o => new DeepCoral(o)),
        MethodEntry.Of<MrdOptions>("MRD", "Maximum Regression Discrepancy of two regressors (Interspeech 2019)", inPaper: true, o => new Mrd(o)),
        MethodEntry.Of<SourceOnlyOptions>("AdaBN", "Source-only, then every BatchNorm uses the target's statistics (Li et al. 2017)", inPaper: false, o => new AdaBn(o)),
        MethodEntry.Of<DanOptions>("DAN", "MSE + lambda * multi-kernel MMD^2 of the encodings (Long et al. 2015)", inPaper: false, o => new Dan(o)),
        MethodEntry.Of<AddaOptions>("ADDA", "pre-trained source encoder, untied target encoder fools a discriminator (Tzeng et al. 2017)", inPaper: false, o => new Adda(o)),
        MethodEntry.Of<RsdOptions>("RSD", "MSE + principal-angle distance of the source and target feature subspaces (Chen et al. 2021)", inPaper: false, o => new Rsd(o)),
        MethodEntry.Of<DareGramOptions>("DARE-GRAM", "MSE + angle and scale alignment of the inverse Gram matrices (Nejjar et al. 2024)", inPaper: false, o => new DareGram(o)),
    ]);

    private readonly Dictionary<string, MethodEntry> _byName;

    public MethodRegistry(IEnumerable<MethodEntry> entries)
    {
        Methods = entries.ToList();
        _byName = new Dictionary<string, MethodEntry>(StringComparer.Ordinal);
        foreach (var e in Methods)
            if (!_byName.TryAdd(e.Name, e))
                throw new ArgumentException($"Method '{e.Name}' is registered twice.");
        var training = Settings.Of(typeof(TrainingOptions)).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, SettingDeclaration>(StringComparer.Ordinal);
        var methodSettings = new List<SettingDeclaration>();
        foreach (var e in Methods)
            foreach (var d in e.Settings)
            {
                if (training.Contains(d.Name))
                    throw new ArgumentException($"Method '{e.Name}' declares '{d.Name}', which is a training setting.");
                if (seen.TryGetValue(d.Name, out var first))
                {
                    if (first.Type != d.Type || !Equals(first.Default, d.Default) || first.Range != d.Range || first.Description != d.Description)
                        throw new ArgumentException($"Setting '{d.Name}' of method '{e.Name}' is declared differently by another method; a shared name must mean one thing.");
                    continue;
                }
                seen.Add(d.Name, d);
                methodSettings.Add(d);
            }
        MethodSettings = methodSettings;
    }

    /// <summary>Every method, in registration order (the paper's five first).</summary>
    public IReadOnlyList<MethodEntry> Methods { get; }

    public IReadOnlyList<string> Names => Methods.Select(m => m.Name).ToList();

    /// <summary>The settings shared by every method (<see cref="TrainingOptions"/>).</summary>
    public IReadOnlyList<SettingDeclaration> TrainingSettings => Settings.Of(typeof(TrainingOptions));

    /// <summary>Every method's own settings, each name once, in registration order.</summary>
    public IReadOnlyList<SettingDeclaration> MethodSettings { get; }

    /// <summary>Training settings, then method settings: every setting the tool has.</summary>
    public IReadOnlyList<SettingDeclaration> AllSettings => [.. TrainingSettings, .. MethodSettings];

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The method called <paramref name="name"/>; <see cref="ArgumentException"/> naming the known ones otherwise.</summary>
    public MethodEntry this[string name] => _byName.TryGetValue(name, out var e) ? e
        : throw new ArgumentException($"Unknown method '{name}'; known: {string.Join(", ", Names)}.");

    /// <summary>The methods that declare setting <paramref name="setting"/>.</summary>
    public IReadOnlyList<string> UsersOf(string setting) =>
        Methods.Where(m => m.Settings.Any(d => d.Name == setting)).Select(m => m.Name).ToList();

    /// <summary>This registry with <paramref name="entry"/> added at the end.</summary>
    public MethodRegistry With(MethodEntry entry) => new([.. Methods, entry]);

    /// <summary>The display name of <paramref name="method"/>, or the name itself when it is not registered.</summary>
    public string Display(string method) => _byName.TryGetValue(method, out var e) ? e.Display : method;
}
