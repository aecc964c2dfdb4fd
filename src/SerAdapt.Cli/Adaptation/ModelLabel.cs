using SerAdapt.Adaptation;
using SerAdapt.Data;

namespace SerAdapt.Cli.Adaptation;

/// <summary>
/// What a saved model predicts, as its <c>model.json</c> records it (<c>label</c>, <c>label_scale</c>): the
/// prediction column is named after the label (<c>id,valence,...</c>); a model saved before the label was
/// recorded gives the generic column <c>prediction</c>.
/// </summary>
internal static class ModelLabel
{
    public const string GenericColumn = "prediction";

    /// <summary>The label the model was trained on (valence, arousal, dominance or a CSV column), or null when not recorded.</summary>
    public static string? Of(ValenceModel model) =>
        model.Info.TryGetValue("label", out var label) && label.Length > 0 ? label : null;

    /// <summary>The scale of the label the model predicts, or null when not recorded.</summary>
    public static LabelScale? ScaleOf(ValenceModel model) =>
        model.Info.TryGetValue("label_scale", out var text) && LabelScale.TryParseRange(text, out var scale) ? scale : null;

    /// <summary>The name of the prediction column for this model's predictions.</summary>
    public static string Column(ValenceModel model) => Of(model) ?? GenericColumn;
}
