using System.Globalization;
using System.Text;

namespace SerAdapt.Data.Tests;

/// <summary>Small trees laid out like the real corpora, and openSMILE-style ARFF feature files for them.</summary>
public static class FakeCorpora
{
    /// <summary>
    /// IEMOCAP-like: Session1..N/dialog/EmoEvaluation/Ses0sF_impro01.txt with 4 turns each (F and M speakers),
    /// plus the evaluator lines and subfolders the real files have. Returns the turn names with their [V, A, D].
    /// </summary>
    public static List<(string Turn, float V, float A, float D)> Iemocap(TempFolder folder, int sessions = 2)
    {
        var turns = new List<(string, float, float, float)>();
        for (int s = 1; s <= sessions; s++)
        {
            var text = new StringBuilder("% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n");
            for (int k = 0; k < 4; k++)
            {
                string turn = $"Ses{s:D2}F_impro01_{(k % 2 == 0 ? 'F' : 'M')}{k:D3}";
                float v = 1.5f + k * 0.5f + s * 0.25f, a = 2 + k * 0.5f, d = 3.5f - k * 0.5f;
                turns.Add((turn, v, a, d));
                text.Append(CultureInfo.InvariantCulture, $"[{6.29 + k:F4} - {8.23 + k:F4}]\t{turn}\tneu\t[{v:F4}, {a:F4}, {d:F4}]\n");
                text.Append("C-E2:\tNeutral;\t()\nC-E3:\tNeutral;\t()\nA-E3:\tval 3; act 2; dom  2;\t()\n\n");
            }
            folder.File($"Session{s}/dialog/EmoEvaluation/Ses{s:D2}F_impro01.txt", text.ToString());
            folder.File($"Session{s}/dialog/EmoEvaluation/Categorical/Ses{s:D2}F_impro01_e1_cat.txt", "Ses01F_impro01_F000 :Neutral state; ()\n");
        }
        return turns;
    }

    /// <summary>MSP-IMPROV-like: Evaluation.txt with utterance lines (A, V, D, N order) followed by rater lines.</summary>
    public static List<(string Id, float V, float A, float D)> MspImprov(TempFolder folder, string fileName = "Evaluation.txt")
    {
        var items = new List<(string, float, float, float)>();
        var text = new StringBuilder();
        string[] speakers = ["F01", "M01", "F02", "M02"];
        for (int k = 0; k < speakers.Length * 2; k++)
        {
            string id = $"S{k + 1:D2}A-{speakers[k % 4]}-P-FM{k:D2}";
            float a = 2 + 0.25f * k, v = 4 - 0.25f * k, d = 3;
            items.Add(("MSP-IMPROV-" + id, v, a, d));
            text.Append(CultureInfo.InvariantCulture, $"UTD-IMPROV-{id}.avi; A; A:{a:F6}; V:{v:F6}; D:{d:F6} ; N:3.000000;\n");
            text.Append("rater01;A;A:3.0;V:4.0;D:3.0;N:3.0;\nrater02;N;A:2.0;V:3.0;D:3.0;N:4.0;\n\n");
        }
        folder.File($"Evaluation/{fileName}", text.ToString());
        return items;
    }

    /// <summary>An openSMILE-style ARFF with 3 features (f1..f3) for the given instance names; value = row + feature / 10.</summary>
    public static string Arff(TempFolder folder, IEnumerable<string> names, string file = "features.arff")
    {
        var text = new StringBuilder("@relation openSMILE_features\n\n@attribute name string\n@attribute f1 numeric\n@attribute f2 numeric\n@attribute f3 numeric\n@attribute class numeric\n\n@data\n\n");
        int row = 0;
        foreach (var n in names)
        {
            text.Append(CultureInfo.InvariantCulture, $"'{n}',{row + 0.1:F2},{row + 0.2:F2},{(row % 3) + 0.3:F2},?\n");
            row++;
        }
        return folder.File(file, text.ToString());
    }
}
