using System.Runtime.InteropServices;

namespace ProctorWise.Streaming.Kafka.Testing;

/// <summary>
/// The few functions of librdkafka's mock API (rdkafka_mock.h) the fixture needs, bound to the very librdkafka
/// image Confluent.Kafka loaded (on Linux it may be <c>librdkafka.so</c> or the <c>centos8-librdkafka.so</c>
/// fallback, depending on which system libraries exist), so they act on the same mock cluster.
/// </summary>
internal sealed class MockApi
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr HandleMockClusterFn(IntPtr rk);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int TopicCreateFn(IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitions, int replicationFactor);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int BrokerFn(IntPtr cluster, int brokerId);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int PartitionSetLeaderFn(IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partition, int brokerId);

    private MockApi(IntPtr library)
    {
        HandleMockCluster = Bind<HandleMockClusterFn>(library, "rd_kafka_handle_mock_cluster");
        TopicCreate = Bind<TopicCreateFn>(library, "rd_kafka_mock_topic_create");
        BrokerSetDown = Bind<BrokerFn>(library, "rd_kafka_mock_broker_set_down");
        BrokerSetUp = Bind<BrokerFn>(library, "rd_kafka_mock_broker_set_up");
        PartitionSetLeader = Bind<PartitionSetLeaderFn>(library, "rd_kafka_mock_partition_set_leader");
        SetControllerId = Bind<BrokerFn>(library, "rd_kafka_mock_set_controller_id");
    }

    public HandleMockClusterFn HandleMockCluster { get; }

    public TopicCreateFn TopicCreate { get; }

    public BrokerFn BrokerSetDown { get; }

    public BrokerFn BrokerSetUp { get; }

    public PartitionSetLeaderFn PartitionSetLeader { get; }

    public BrokerFn SetControllerId { get; }

    public static MockApi Load() => new(NativeLibrary.Load(LoadedLibrdkafkaPath()));

    private static string LoadedLibrdkafkaPath()
    {
        // The librdkafka image already mapped into this process; loading it again by path returns the same handle.
        if (OperatingSystem.IsLinux())
        {
            var path = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length >= 6 && fields[5].Contains("librdkafka", StringComparison.Ordinal))
                .Select(fields => fields[5])
                .FirstOrDefault();
            if (path is not null)
            {
                return path;
            }
        }

        throw new PlatformNotSupportedException("The mock cluster fixture finds librdkafka through /proc/self/maps (Linux only).");
    }

    private static T Bind<T>(IntPtr library, string name)
        where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));
}
