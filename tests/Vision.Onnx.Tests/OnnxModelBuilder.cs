using Google.Protobuf;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>
/// Writes a minimal ONNX model by hand (protobuf wire format, field numbers from onnx.proto3): one
/// float input and one <c>Constant</c> node whose tensor is the output. Enough to drive a decoder with
/// planted values through the real ONNX Runtime.
/// </summary>
internal static class OnnxModelBuilder
{
    private const int FloatType = 1;
    private const int TensorAttribute = 4;

    public static byte[] ConstantOutput(string inputName, long[] inputShape, string outputName, long[] outputShape, float[] values)
    {
        var tensor = Message(w =>
        {
            foreach (var d in outputShape)
            {
                w.WriteTag(1, WireFormat.WireType.Varint);
                w.WriteInt64(d);
            }

            w.WriteTag(2, WireFormat.WireType.Varint);
            w.WriteInt32(FloatType);
            w.WriteTag(9, WireFormat.WireType.LengthDelimited);
            var raw = new byte[values.Length * sizeof(float)];
            Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
            w.WriteBytes(ByteString.CopyFrom(raw));
        });
        var attribute = Message(w =>
        {
            WriteString(w, 1, "value");
            WriteMessage(w, 5, tensor);
            w.WriteTag(20, WireFormat.WireType.Varint);
            w.WriteInt32(TensorAttribute);
        });
        var node = Message(w =>
        {
            WriteString(w, 2, outputName);
            WriteString(w, 3, "planted");
            WriteString(w, 4, "Constant");
            WriteMessage(w, 5, attribute);
        });
        var graph = Message(w =>
        {
            WriteMessage(w, 1, node);
            WriteString(w, 2, "synthetic-yolo");
            WriteMessage(w, 11, ValueInfo(inputName, inputShape));
            WriteMessage(w, 12, ValueInfo(outputName, outputShape));
        });
        var opset = Message(w =>
        {
            WriteString(w, 1, string.Empty);
            w.WriteTag(2, WireFormat.WireType.Varint);
            w.WriteInt64(13);
        });
        return Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(8);
            WriteString(w, 2, "proctorwise-tests");
            WriteMessage(w, 7, graph);
            WriteMessage(w, 8, opset);
        });
    }

    private static byte[] ValueInfo(string name, long[] shape)
    {
        var dims = Message(w =>
        {
            foreach (var d in shape)
            {
                WriteMessage(w, 1, Message(x =>
                {
                    x.WriteTag(1, WireFormat.WireType.Varint);
                    x.WriteInt64(d);
                }));
            }
        });
        var tensorType = Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt32(FloatType);
            WriteMessage(w, 2, dims);
        });
        var type = Message(w => WriteMessage(w, 1, tensorType));
        return Message(w =>
        {
            WriteString(w, 1, name);
            WriteMessage(w, 2, type);
        });
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }

    private static void WriteString(CodedOutputStream w, int field, string value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteString(value);
    }

    private static void WriteMessage(CodedOutputStream w, int field, byte[] message)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(message));
    }
}
