using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Confluent.Kafka;
using ProctorWise.Grains.Interfaces.Events;
using ProctorWise.Streaming.Kafka.Adapters;
using ProctorWise.Streaming.Kafka.Serialization;
using ProctorWise.TestSupport;
using AppAlertRaised = ProctorWise.Grains.Interfaces.Events.AlertRaised;

namespace ProctorWise.Streaming.Kafka.Tests;

/// <summary>
/// The example records in src/Streaming.Kafka/README.md ("Record format") and docs/events.md are exactly what the
/// provider writes for ProctorWise's own events, with the JSON options ProctorWise configures (so the documentation
/// cannot drift from the application's records again).
/// </summary>
public sealed class ReadmeRecordExampleTests
{
    private const string Marker = "<!-- record-example";

    [Fact]
    public void TheReadmeExampleIsTheRecordTheProviderWritesForProctorWisesAlert() =>
        AssertExampleRoundTrips<AppAlertRaised>(Path.Combine("src", "Streaming.Kafka", "README.md"), "alerts", a => a.Alert.SlotId);

    [Fact]
    public void TheEventsDocumentExampleIsTheRecordTheProviderWritesForASubmittedSession() =>
        AssertExampleRoundTrips<SessionSubmitted>(Path.Combine("docs", "events.md"), "sessions", e => e.SessionId);

    private static void AssertExampleRoundTrips<TEvent>(string document, string streamNamespace, Func<TEvent, string> key)
    {
        var example = ReadExample(document);
        var options = new KafkaStreamOptions
        {
            BootstrapServers = "kafka-1:9092",
            Namespaces = [streamNamespace],

            // As src/Hosting.Silo/StreamingSettings.Apply configures the application's provider.
            JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            },
        };
        options.EventTypes.Add<TEvent>();
        var codec = new KafkaRecordCodec(options);

        // Read the example as the provider reads a record...
        var headers = new Headers();
        foreach (var (name, value) in example.Headers)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }

        var record = new ConsumeResult<byte[], byte[]>
        {
            Topic = "proctorwise." + streamNamespace,
            Partition = example.Partition,
            Offset = 0,
            Message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(example.Key), Value = Encoding.UTF8.GetBytes(example.Json), Headers = headers },
        };
        Assert.True(codec.TryDecode(record, streamNamespace, out var container, out _, out var failure, out _), failure);
        var decoded = Assert.IsType<TEvent>(container!.Event);

        // ...then write that event as a grain publishing it on its stream does: the same record comes out.
        var written = codec.Encode(StreamId.Create(streamNamespace, key(decoded)), decoded!, out _);
        Assert.Equal(example.Key, Encoding.UTF8.GetString(written.Key));
        Assert.Equal(example.Partition, KafkaPartitioner.Partition(written.Key, example.PartitionCount));
        Assert.Equal(example.Headers, written.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))));
        Assert.Equal(Compact(example.Json), Encoding.UTF8.GetString(written.Value));
    }

    /// <summary>Parses the block after the marker: <c>key:</c>, <c>partition: n of m</c>, <c>headers: a=b, …</c>, <c>value:</c> then indented JSON.</summary>
    private static (string Key, int Partition, int PartitionCount, List<(string, string)> Headers, string Json) ReadExample(string document)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));
        var start = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{document} has no '{Marker}' marker before the example record");
        var blockStart = readme.IndexOf("```\n", start, StringComparison.Ordinal) + 4;
        var block = readme[blockStart..readme.IndexOf("```", blockStart, StringComparison.Ordinal)];
        var lines = block.Split('\n');

        string Field(string name) => lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
        var partition = Field("partition").Split(" of ");
        var headers = Field("headers").Split(", ").Select(h => h.Split('=', 2)).Select(h => (h[0], h[1])).ToList();
        var json = string.Join('\n', lines.SkipWhile(l => !l.StartsWith('{')));
        return (Field("key"), int.Parse(partition[0], CultureInfo.InvariantCulture), int.Parse(partition[1], CultureInfo.InvariantCulture), headers, json);
    }

    /// <summary>The JSON on one line, as on the wire (the README indents it for reading).</summary>
    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
