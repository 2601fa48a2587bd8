using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR.Client;
using ProctorWise.Grains.Interfaces.Names;
using ProctorWise.Streaming.Kafka.Testing;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// The live-proctoring fan-out with the Kafka stream provider instead of memory streams (a
/// Kafka-protocol broker on loopback: librdkafka's mock cluster): a student's signal becomes a record
/// on the room topic, both proctors of the room get the alert over SignalR, and the record is plain
/// JSON an outside consumer can read. Only configuration differs from the memory-stream tests.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KafkaProctoringTests : IAsyncLifetime
{
    private readonly KafkaMockCluster _kafka = new();
    private readonly string _prefix = $"pw{Guid.NewGuid():N}"[..14] + ".";
    private KafkaApiFactory? _factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Topics are an operator's job (the provider does not create them by default): one per namespace.
        foreach (var streamNamespace in StreamNamespaces.All)
        {
            _kafka.CreateTopic(_prefix + streamNamespace, partitions: 4);
        }

        _factory = new KafkaApiFactory(_kafka.BootstrapServers, _prefix);
        await _factory.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _kafka.Dispose();
    }

    [Fact]
    public async Task ReadinessChecksTheKafkaTopics()
    {
        var ready = await (await _factory!.AdminAsync()).GetRawAsync("/health/ready");
        await Expect.Status(HttpStatusCode.OK, ready);
        var streams = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "streams");
        Assert.Equal("Healthy", streams.GetProperty("status").GetString());
        Assert.Contains(_prefix + "alerts", streams.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothProctorsOfTheRoomGetTheAlertThroughKafkaAndTheRecordIsPlainJson()
    {
        var room = await ProctoredRoom.ArrangeAsync(_factory!, "Kafka Student");
        await using var first = await HubClient.ConnectAsync(_factory!, "/hubs/proctor", room.First.Token!, "alert");
        await using var second = await HubClient.ConnectAsync(_factory!, "/hubs/proctor", room.Second.Token!, "alert");
        await using var outsider = await HubClient.ConnectAsync(_factory!, "/hubs/proctor", room.Outsider.Token!, "alert");
        foreach (var (hub, slot) in new[] { (first, room.SlotId), (second, room.SlotId), (outsider, room.OtherSlotId) })
        {
            await hub.Connection.InvokeAsync<JsonElement>("WatchRoom", slot, Cancel);
        }

        await Expect.Status(HttpStatusCode.Accepted, await room.Student.PostAsync($"/api/sessions/{room.Session.Id}/events", new { type = "paste", seq = 1 }));

        foreach (var hub in new[] { first, second })
        {
            var alert = Assert.Single(await hub.WaitForAsync("alert", m => m.Count >= 1));
            Assert.Equal("paste", alert.GetProperty("type").GetString());
            Assert.Equal("Pasted text", alert.GetProperty("reason").GetString());
            Assert.Equal("Kafka Student", alert.GetProperty("studentName").GetString());
        }

        Assert.Empty(outsider.Messages("alert"));

        // The same alert, as any Kafka consumer sees it on the room topic.
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            GroupId = "external-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(_prefix + "alerts");
        var seen = new List<string?>();
        var record = await Eventually.UntilAsync(
            () =>
            {
                var next = consumer.Consume(TimeSpan.FromMilliseconds(500));
                seen.Add(next is null ? null : Header(next, "event-type"));
                return Task.FromResult(next);
            },
            next => next is not null && Header(next, "event-type") == "pw.alert-raised",
            $"a pw.alert-raised record on {_prefix}alerts",
            describe: _ => $"{seen.Count(t => t is not null)} other record(s) [{string.Join(", ", seen.Where(t => t is not null))}]");
        Assert.NotNull(record);
        Assert.Equal(room.SlotId, record.Message.Key);
        Assert.Equal("application/json", Header(record, "content-type"));
        var json = JsonDocument.Parse(record.Message.Value).RootElement;
        Assert.Equal("paste", json.GetProperty("alert").GetProperty("type").GetString());
        Assert.Equal(room.Session.Id, json.GetProperty("alert").GetProperty("sessionId").GetString());
        Assert.Equal(json.GetProperty("eventId").GetGuid().ToString(), Header(record, "event-id"), ignoreCase: true);
    }

    private static string? Header(ConsumeResult<string, string> record, string name) =>
        record.Message.Headers?.TryGetLastBytes(name, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;

    private sealed class KafkaApiFactory(string bootstrapServers, string prefix) : ApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Kafka:BootstrapServers"] = bootstrapServers;
            settings["Kafka:TopicPrefix"] = prefix;
            settings["Kafka:Partitions"] = 4.ToString(CultureInfo.InvariantCulture);
            return settings;
        }
    }
}
