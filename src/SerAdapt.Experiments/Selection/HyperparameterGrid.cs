using System.Text.Json.Nodes;
using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>
/// The <c>grid:</c> section of an experiment: per method, settings and the values each takes; an experiment
/// with a grid trains every point (the Cartesian product, in the order given, the last setting fastest) of
/// every method, direction and repeat. A grid setting is a training setting that decides results (not
/// <c>seed</c>, <c>selection</c> or <c>patience</c>: every criterion is scored after every epoch, with no early
/// stopping, see <see cref="SelectionStudy"/>) or a setting of that method. A method without a grid has one point, the experiment's settings.
/// </summary>
public sealed record HyperparameterGrid(IReadOnlyList<KeyValuePair<string, IReadOnlyList<GridAxis>>> Methods)
{
    public static HyperparameterGrid Empty { get; } = new([]);

    public bool IsEmpty => Methods.Count == 0;

    // Training settings that decide results but mean nothing in a grid: every criterion is scored, every epoch runs.
    private static bool FixedInGrids(string setting) => setting is "seed" or "selection" or "patience";

    /// <summary>The axes of <paramref name="method"/> (none when it has no grid).</summary>
    public IReadOnlyList<GridAxis> AxesOf(string method) => Methods.FirstOrDefault(m => m.Key == method).Value ?? [];

    /// <summary>Every point of <paramref name="method"/>'s grid.</summary>
    public IReadOnlyList<GridPoint> Points(string method)
    {
        var points = new List<List<KeyValuePair<string, object>>> { new() };
        foreach (var axis in AxesOf(method))
            points = points.SelectMany(p => axis.Values.Select(v => new List<KeyValuePair<string, object>>(p) { new(axis.Setting, v) })).ToList();
        return points.Select((p, i) => new GridPoint(i, p)).ToList();
    }

    /// <summary>The declaration of <paramref name="setting"/> if a grid of <paramref name="method"/> may vary it; <see cref="InvalidSettingException"/> otherwise.</summary>
    public static SettingDeclaration Declaration(MethodRegistry registry, string method, string setting)
    {
        if (!registry.Contains(method))
            throw new InvalidSettingException("grid", $"has an unknown method '{method}'; known: {string.Join(", ", registry.Names)}.");
        var training = registry.TrainingSettings.FirstOrDefault(d => d.Name == setting);
        if (training is not null)
            return training.AffectsResults && !FixedInGrids(setting) ? training
                : throw new InvalidSettingException(setting, "cannot be a grid setting (a grid varies settings that decide results; every criterion is scored anyway).");
        var own = registry[method].Settings.FirstOrDefault(d => d.Name == setting);
        return own ?? throw new InvalidSettingException(setting, $"is not a setting of {method}; a grid of {method} may vary: "
            + string.Join(", ", registry.TrainingSettings.Where(d => d.AffectsResults && !FixedInGrids(d.Name)).Concat(registry[method].Settings).Select(d => d.Name)) + ".");
    }

    /// <summary>Throws <see cref="InvalidSettingException"/> for the first bad method, setting or value; the grid's methods must be run.</summary>
    public void Validate(MethodRegistry registry, IReadOnlyList<string> methods)
    {
        foreach (var (method, axes) in Methods)
        {
            if (!methods.Contains(method))
                throw new InvalidSettingException("grid", $"names '{method}', which is not among the methods run ({string.Join(", ", methods)}).");
            if (axes.Select(a => a.Setting).Distinct().Count() != axes.Count)
                throw new InvalidSettingException("grid", $"names a setting of {method} twice.");
            foreach (var axis in axes)
            {
                var d = Declaration(registry, method, axis.Setting);
                if (axis.Values.Count == 0) throw new InvalidSettingException(axis.Setting, $"needs at least one value in the grid of {method}.");
                foreach (var v in axis.Values) d.Check(v);
                if (axis.Values.Select(d.Format).Distinct().Count() != axis.Values.Count)
                    throw new InvalidSettingException(axis.Setting, $"lists a value twice in the grid of {method}.");
            }
        }
    }

    public JsonObject ToJson(MethodRegistry registry)
    {
        var json = new JsonObject();
        foreach (var (method, axes) in Methods)
        {
            var m = new JsonObject();
            foreach (var axis in axes)
            {
                var d = Declaration(registry, method, axis.Setting);
                m[axis.Setting] = new JsonArray(axis.Values.Select(v => (JsonNode?)d.ToJson(v)).ToArray());
            }
            json[method] = m;
        }
        return json;
    }

    public static HyperparameterGrid FromJson(JsonObject json, MethodRegistry registry) =>
        new(json.Select(m => new KeyValuePair<string, IReadOnlyList<GridAxis>>(m.Key,
            m.Value!.AsObject().Select(a => new GridAxis(a.Key,
                a.Value!.AsArray().Select(v => Declaration(registry, m.Key, a.Key).FromJson(v!)).ToList())).ToList())).ToList());
}
