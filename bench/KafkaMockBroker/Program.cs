using System.Globalization;
using System.Runtime.InteropServices;
using ProctorWise.Streaming.Kafka.Testing;

// KafkaMockBroker <bootstrap-file> <partitions> <topic>...: starts librdkafka's mock cluster (3 brokers on loopback),
// creates the topics, writes the bootstrap servers to <bootstrap-file> (written last, so its presence means ready)
// and serves until SIGTERM or SIGINT.
if (args.Length < 3 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var partitions) || partitions < 1)
{
    await Console.Error.WriteLineAsync("usage: KafkaMockBroker <bootstrap-file> <partitions> <topic>...");
    return 2;
}

using var stopped = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopped.Cancel();
}

using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

using var kafka = new KafkaMockCluster();
kafka.SetControllerId(kafka.BrokerIds[0]);
foreach (var topic in args.Skip(2))
{
    kafka.CreateTopic(topic, partitions);
}

var temporary = args[0] + ".tmp";
await File.WriteAllTextAsync(temporary, kafka.BootstrapServers);
File.Move(temporary, args[0], overwrite: true);
Console.WriteLine($"mock Kafka at {kafka.BootstrapServers}; {args.Length - 2} topics of {partitions} partitions");
try
{
    await Task.Delay(Timeout.Infinite, stopped.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM: the mock cluster goes with the process.
}

return 0;
