using System.Globalization;
using Microsoft.Extensions.Options;
using ProctorWise.Grains.Ports;

namespace ProctorWise.Lake;

/// <summary>
/// Checks <see cref="LakeOptions"/> when the host starts; every message starts with the key that holds the bad value,
/// so a wrong setting stops the start instead of failing the first flush an hour later.
/// </summary>
public sealed class LakeOptionsValidator : IValidateOptions<LakeOptions>
{
    /// <summary>The largest batch: a batch is held in memory and written as one Parquet file per group.</summary>
    public const int MaxBatchSize = 1_000_000;

    /// <summary>The shortest flush interval (shorter makes many tiny files).</summary>
    public static readonly TimeSpan MinFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest flush interval: Orleans and Kafka redeliver what was not acknowledged much sooner than this.</summary>
    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromHours(1);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Lake:Provider is {options.Provider}; it must be local or webhdfs.");
        }

        if (options.Provider == LakeProvider.Local && string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Lake:Path is empty; set the lake's folder (a shared volume when several silos run).");
        }

        if (options.Provider == LakeProvider.WebHdfs)
        {
            CheckWebHdfs(options, failures);
        }

        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"Lake:BatchSize is {options.BatchSize}; it must be between 1 and {MaxBatchSize}.");
        }

        if (options.FlushInterval < MinFlushInterval || options.FlushInterval > MaxFlushInterval)
        {
            failures.Add($"Lake:FlushInterval is {Format(options.FlushInterval)}; it must be between {Format(MinFlushInterval)} and {Format(MaxFlushInterval)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckWebHdfs(LakeOptions options, List<string> failures)
    {
        var url = options.WebHdfs.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            failures.Add("Lake:WebHdfs:Url is empty; set the namenode's HTTP address, e.g. http://namenode:9870.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            failures.Add($"Lake:WebHdfs:Url is '{url}'; it must be an http(s) address without a query, e.g. http://namenode:9870.");
        }

        if (string.IsNullOrWhiteSpace(options.WebHdfs.User))
        {
            failures.Add("Lake:WebHdfs:User is empty; set the HDFS user the lake writes as.");
        }

        if (options.WebHdfs.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Lake:WebHdfs:Timeout is {Format(options.WebHdfs.Timeout)}; it must be positive.");
        }

        var root = options.Root;
        if (string.IsNullOrEmpty(root) || root[0] != '/')
        {
            failures.Add($"Lake:Root is '{root}'; it must be an absolute HDFS path, e.g. /proctorwise/lake.");
        }
        else if (root.Length > 1)
        {
            try
            {
                LakePaths.Check(root.Trim('/'));
            }
            catch (ArgumentException e)
            {
                failures.Add($"Lake:Root is '{root}'; {e.Message}");
            }
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
