namespace SerAdapt.Adaptation.Export;

/// <summary>
/// Writes a trained valence model as an ONNX graph (opset 17): input "features" (N, D) ->
/// the encoder's dense layers -> each head's dense layers -> "f1", "f2", ... (N, 1) and
/// "prediction", the mean of the heads (N, 1). Dense layers become Gemm (transB = 1) + Selu.
/// </summary>
public static class OnnxExporter
{
    private const int OpsetVersion = 17;
    private const long IrVersion = 8;
    private const int FloatType = 1;
    private const float SeluAlpha = 1.6732632423543772f;
    private const float SeluGamma = 1.0507009873554805f;

    public static void Write(string path, IReadOnlyList<DenseLayer> encoder, IReadOnlyList<IReadOnlyList<DenseLayer>> heads,
        IReadOnlyDictionary<string, string> metadata)
    {
        if (heads.Count == 0) throw new ArgumentException("A model needs at least one regression head.");
        byte[] bytes = Build(encoder, heads, metadata);
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    public static byte[] Build(IReadOnlyList<DenseLayer> encoder, IReadOnlyList<IReadOnlyList<DenseLayer>> heads,
        IReadOnlyDictionary<string, string> metadata)
    {
        int inputs = encoder.Count > 0 ? encoder[0].In : heads[0][0].In;
        var model = new ProtobufWriter();
        model.WriteInt64(1, IrVersion);
        model.WriteString(2, "SerAdapt");
        model.WriteString(3, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0");
        model.WriteMessage(7, graph =>
        {
            graph.WriteString(2, "valence");
            string x = "features";
            x = AddChain(graph, "encoder", encoder, x);
            var headOutputs = new List<string>();
            for (int h = 0; h < heads.Count; h++)
            {
                string y = AddChain(graph, $"f{h + 1}", heads[h], x);
                string named = $"f{h + 1}";
                AddNode(graph, "Identity", [y], named, $"f{h + 1}_out");
                headOutputs.Add(named);
            }
            AddNode(graph, "Mean", headOutputs, "prediction", "prediction");
            graph.WriteMessage(11, v => WriteValueInfo(v, "features", inputs));
            graph.WriteMessage(12, v => WriteValueInfo(v, "prediction", 1));
            foreach (string head in headOutputs)
                graph.WriteMessage(12, v => WriteValueInfo(v, head, 1));
        });
        model.WriteMessage(8, opset =>
        {
            opset.WriteString(1, "");
            opset.WriteInt64(2, OpsetVersion);
        });
        foreach (var (key, value) in metadata)
        {
            model.WriteMessage(14, entry =>
            {
                entry.WriteString(1, key);
                entry.WriteString(2, value);
            });
        }
        return model.ToArray();
    }

    private static string AddChain(ProtobufWriter graph, string prefix, IReadOnlyList<DenseLayer> layers, string input)
    {
        string x = input;
        for (int i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            string w = $"{prefix}.{i}.weight", b = $"{prefix}.{i}.bias", y = $"{prefix}.{i}.linear";
            graph.WriteMessage(5, t => WriteTensor(t, w, [layer.Out, layer.In], layer.Weight));
            graph.WriteMessage(5, t => WriteTensor(t, b, [layer.Out], layer.Bias));
            graph.WriteMessage(1, node =>
            {
                node.WriteString(1, x);
                node.WriteString(1, w);
                node.WriteString(1, b);
                node.WriteString(2, y);
                node.WriteString(3, $"{prefix}.{i}.gemm");
                node.WriteString(4, "Gemm");
                node.WriteMessage(5, a => { a.WriteString(1, "transB"); a.WriteInt64(3, 1); a.WriteInt64(20, 2); });
            });
            x = y;
            if (layer.Selu)
            {
                string s = $"{prefix}.{i}.selu";
                graph.WriteMessage(1, node =>
                {
                    node.WriteString(1, x);
                    node.WriteString(2, s);
                    node.WriteString(3, s);
                    node.WriteString(4, "Selu");
                    node.WriteMessage(5, a => { a.WriteString(1, "alpha"); a.WriteFloat(2, SeluAlpha); a.WriteInt64(20, 1); });
                    node.WriteMessage(5, a => { a.WriteString(1, "gamma"); a.WriteFloat(2, SeluGamma); a.WriteInt64(20, 1); });
                });
                x = s;
            }
        }
        return x;
    }

    private static void AddNode(ProtobufWriter graph, string op, IReadOnlyList<string> inputs, string output, string name) =>
        graph.WriteMessage(1, node =>
        {
            foreach (string input in inputs) node.WriteString(1, input);
            node.WriteString(2, output);
            node.WriteString(3, name);
            node.WriteString(4, op);
        });

    private static void WriteTensor(ProtobufWriter t, string name, long[] dims, float[] values)
    {
        t.WritePackedInt64(1, dims);
        t.WriteInt64(2, FloatType);
        t.WriteString(8, name);
        t.WriteRawFloats(9, values);
    }

    private static void WriteValueInfo(ProtobufWriter v, string name, int columns)
    {
        v.WriteString(1, name);
        v.WriteMessage(2, type => type.WriteMessage(1, tensor =>
        {
            tensor.WriteInt64(1, FloatType);
            tensor.WriteMessage(2, shape =>
            {
                shape.WriteMessage(1, dim => dim.WriteString(2, "N"));
                shape.WriteMessage(1, dim => dim.WriteInt64(1, columns));
            });
        }));
    }
}
