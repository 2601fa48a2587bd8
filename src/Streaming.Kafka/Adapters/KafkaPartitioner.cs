namespace ProctorWise.Streaming.Kafka.Adapters;

/// <summary>
/// Kafka's default key partitioner (murmur2, as in the Java client and librdkafka's <c>murmur2_random</c>), so
/// records written by other services with the same key land in the same partition as the provider's, which
/// keeps per-key order across producers.
/// </summary>
internal static class KafkaPartitioner
{
    private const uint Seed = 0x9747b28c;
    private const uint M = 0x5bd1e995;
    private const int R = 24;

    public static int Partition(ReadOnlySpan<byte> key, int partitionCount) =>
        (int)((Murmur2(key) & 0x7fffffff) % (uint)partitionCount);

    public static uint Murmur2(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        var h = Seed ^ (uint)length;
        var blocks = length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BitConverter.ToUInt32(data.Slice(i * 4, 4));
            if (!BitConverter.IsLittleEndian)
            {
                k = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(k);
            }

            k *= M;
            k ^= k >> R;
            k *= M;
            h *= M;
            h ^= k;
        }

        var tail = data[(blocks * 4)..];
        switch (tail.Length)
        {
            case 3:
                h ^= (uint)tail[2] << 16;
                h ^= (uint)tail[1] << 8;
                h ^= tail[0];
                h *= M;
                break;
            case 2:
                h ^= (uint)tail[1] << 8;
                h ^= tail[0];
                h *= M;
                break;
            case 1:
                h ^= tail[0];
                h *= M;
                break;
            default:
                break;
        }

        h ^= h >> 13;
        h *= M;
        h ^= h >> 15;
        return h;
    }
}
