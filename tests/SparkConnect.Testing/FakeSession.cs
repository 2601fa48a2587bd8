using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using Google.Protobuf;
using Grpc.Core;
using ProctorWise.SparkConnect.Protocol;
using ArrowSchema = Apache.Arrow.Schema;

namespace ProctorWise.SparkConnect.Testing;

/// <summary>
/// One Spark session of the fake: an in-memory DuckDB in UTC whose temporary views are the session's, plus its settings
/// and operations. Relations become DuckDB SQL: <c>sql</c> as written (named parameters bound), a Parquet
/// <c>data_source</c> as <c>read_parquet</c> over the files Spark would read (names starting with '_' or '.' skipped,
/// columns merged by name), a named table as itself. Spark functions DuckDB lacks are added as macros.
/// </summary>
internal sealed partial class FakeSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Lock _gate = new();

    public FakeSession(string id, string serverSideId)
    {
        Id = id;
        ServerSideId = serverSideId;
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        foreach (var statement in new[]
                 {
                     "SET TimeZone = 'UTC'",
                     "SET autoinstall_known_extensions = false",
                     "SET autoload_known_extensions = false",
                     // Spark's unix_micros (TIMESTAMP → microseconds since 1970), which the engine uses for epochs.
                     "CREATE MACRO unix_micros(t) AS epoch_us(t)",
                 })
        {
            Run(statement);
        }
    }

    public string Id { get; }

    public string ServerSideId { get; }

    public ConcurrentDictionary<string, string> Config { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, FakeOperation> Operations { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs a plan and returns its responses (without ids and result_complete; the service adds them).</summary>
    public List<ExecutePlanResponse> Execute(Plan plan, int batchRows, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return plan.OpTypeCase switch
            {
                Plan.OpTypeOneofCase.Root => Query(plan.Root, batchRows, cancellationToken),
                Plan.OpTypeOneofCase.Command => Command(plan.Command, cancellationToken),
                _ => throw FakeErrors.Spark(StatusCode.InvalidArgument, "The plan has neither a root relation nor a command.", "INTERNAL_ERROR"),
            };
        }
    }

    /// <summary>The schema of a relation, as Spark's DataType.</summary>
    public DataType Schema(Relation relation)
    {
        lock (_gate)
        {
            var (sql, parameters) = ToSql(relation);
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader(System.Data.CommandBehavior.SchemaOnly);
            var fields = new DataType.Types.Struct();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                fields.Fields.Add(new DataType.Types.StructField { Name = reader.GetName(i), DataType = SparkType(reader.GetDataTypeName(i)), Nullable = true });
            }

            return new DataType { Struct = fields };
        }
    }

    public void Dispose()
    {
        foreach (var operation in Operations.Values)
        {
            operation.Dispose();
        }

        _connection.Dispose();
    }

    private List<ExecutePlanResponse> Query(Relation relation, int batchRows, CancellationToken cancellationToken)
    {
        var (sql, parameters) = ToSql(relation);
        using var command = Command(sql, parameters);
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var fields = Enumerable.Range(0, reader.FieldCount).Select(i => new Field(reader.GetName(i), ArrowType(reader.GetDataTypeName(i)), nullable: true)).ToArray();
        var schema = new ArrowSchema(fields, null);
        var responses = new List<ExecutePlanResponse>
        {
            // Spark 4 reports progress while a query runs; the client must skip what it does not use.
            new() { ExecutionProgress = new ExecutePlanResponse.Types.ExecutionProgress { NumInflightTasks = 1 } },
        };
        var rows = new List<object?[]>();
        long offset = 0;
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
            if (rows.Count == batchRows)
            {
                responses.Add(Batch(schema, rows, offset));
                offset += rows.Count;
                rows.Clear();
            }
        }

        // Spark sends one batch even for an empty result, so the client learns the schema.
        if (rows.Count > 0 || offset == 0)
        {
            responses.Add(Batch(schema, rows, offset));
        }

        return responses;
    }

    private List<ExecutePlanResponse> Command(Protocol.Command command, CancellationToken cancellationToken)
    {
        switch (command.CommandTypeCase)
        {
            case Protocol.Command.CommandTypeOneofCase.SqlCommand:
                {
                    var sqlCommand = command.SqlCommand;
#pragma warning disable CS0612 // Servers still accept the pre-4.0 fields from older clients, and so does the fake.
                    var (sql, parameters) = sqlCommand.Input is { } input ? ToSql(input) : (sqlCommand.Sql, sqlCommand.NamedArguments);
#pragma warning restore CS0612
                    using var statement = Command(sql, parameters);
                    using var registration = cancellationToken.Register(statement.Cancel);
                    statement.ExecuteNonQuery();
                    return [new() { SqlCommandResult = new ExecutePlanResponse.Types.SqlCommandResult { Relation = new Relation { Sql = new SQL { Query = sql } } } }];
                }

            case Protocol.Command.CommandTypeOneofCase.CreateDataframeView:
                {
                    var view = command.CreateDataframeView;
                    if (view.IsGlobal)
                    {
                        throw FakeErrors.Spark(StatusCode.Internal, "Global temporary views are not supported by the fake.", "UNSUPPORTED_FEATURE", "0A000");
                    }

                    if (!view.Replace && Exists(view.Name))
                    {
                        throw FakeErrors.Spark(StatusCode.Internal, $"[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `{view.Name}` because it already exists.",
                            "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "42P07", "org.apache.spark.sql.AnalysisException");
                    }

                    var (sql, parameters) = ToSql(view.Input);
                    using var statement = Command($"CREATE OR REPLACE TEMP VIEW {Identifier(view.Name)} AS {sql}", parameters);
                    statement.ExecuteNonQuery();
                    return [];
                }

            case Protocol.Command.CommandTypeOneofCase.WriteOperation:
                Write(command.WriteOperation, cancellationToken);
                return [];
            default:
                throw FakeErrors.Spark(StatusCode.Unimplemented, $"The fake does not run {command.CommandTypeCase} commands.", "UNSUPPORTED_FEATURE", "0A000");
        }
    }

    // DataFrameWriter to Parquet: a folder of part files and _SUCCESS, as Spark writes it. With partitioning columns,
    // hive-style sub-folders; an overwrite replaces the whole path unless partitionOverwriteMode is dynamic, which
    // replaces only the partitions the data has.
    private void Write(WriteOperation write, CancellationToken cancellationToken)
    {
        if (write.SaveTypeCase != WriteOperation.SaveTypeOneofCase.Path || !string.Equals(write.Source, "parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw FakeErrors.Spark(StatusCode.Unimplemented, "The fake writes Parquet to a path only.", "UNSUPPORTED_FEATURE", "0A000");
        }

        var path = write.Path;
        var exists = Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();
        switch (write.Mode)
        {
            case WriteOperation.Types.SaveMode.Ignore when exists:
                return;
            case WriteOperation.Types.SaveMode.ErrorIfExists or WriteOperation.Types.SaveMode.Unspecified when exists:
                throw FakeErrors.Spark(StatusCode.Internal, $"[PATH_ALREADY_EXISTS] Path {path} already exists. Set mode as \"overwrite\" to overwrite the existing path.",
                    "PATH_ALREADY_EXISTS", "42K04", "org.apache.spark.sql.AnalysisException");
        }

        var (sql, parameters) = ToSql(write.Input);
        var staging = path.TrimEnd('/') + $".fake-staging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var partitioned = write.PartitioningColumns.Count > 0;
            var target = partitioned ? staging : Path.Combine(staging, $"part-00000-{Guid.NewGuid()}-c000.snappy.parquet");
            var partitionBy = partitioned ? $", PARTITION_BY ({string.Join(", ", write.PartitioningColumns.Select(Identifier))})" : "";
            using (var statement = Command($"COPY ({sql}) TO {Literal(target)} (FORMAT parquet{partitionBy})", parameters))
            {
                using var registration = cancellationToken.Register(statement.Cancel);
                statement.ExecuteNonQuery();
            }

            var overwrite = write.Mode == WriteOperation.Types.SaveMode.Overwrite;
            var dynamic = partitioned && Config.TryGetValue("spark.sql.sources.partitionOverwriteMode", out var mode) && string.Equals(mode, "dynamic", StringComparison.OrdinalIgnoreCase);
            if (overwrite && !dynamic && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).ToList();
            if (overwrite && dynamic)
            {
                // Only the partitions the new data has are replaced; the others stay.
                foreach (var folder in files.Select(f => Path.Combine(path, Path.GetRelativePath(staging, Path.GetDirectoryName(f)!))).Distinct(StringComparer.Ordinal))
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            }

            Directory.CreateDirectory(path);
            foreach (var file in files)
            {
                var folder = Path.Combine(path, Path.GetRelativePath(staging, Path.GetDirectoryName(file)!));
                Directory.CreateDirectory(folder);
                File.Move(file, Path.Combine(folder, $"part-{Guid.NewGuid():N}-c000.snappy.parquet"));
            }

            File.WriteAllBytes(Path.Combine(path, "_SUCCESS"), []);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private (string Sql, IReadOnlyDictionary<string, Expression> Parameters) ToSql(Relation relation)
    {
        switch (relation.RelTypeCase)
        {
            case Relation.RelTypeOneofCase.Sql:
                return (ParameterMarker().Replace(relation.Sql.Query, "$$$1"), relation.Sql.NamedArguments);
            case Relation.RelTypeOneofCase.Repartition:
                // One DuckDB file either way: partitions do not exist here.
                return ToSql(relation.Repartition.Input);
            case Relation.RelTypeOneofCase.Read when relation.Read.ReadTypeCase == Read.ReadTypeOneofCase.NamedTable:
                return ($"SELECT * FROM {relation.Read.NamedTable.UnparsedIdentifier}", new Dictionary<string, Expression>());
            case Relation.RelTypeOneofCase.Read when relation.Read.ReadTypeCase == Read.ReadTypeOneofCase.DataSource:
                return (ReadParquet(relation.Read.DataSource), new Dictionary<string, Expression>());
            default:
                throw FakeErrors.Spark(StatusCode.Unimplemented, $"The fake does not read {relation.RelTypeCase} relations.", "UNSUPPORTED_FEATURE", "0A000");
        }
    }

    private static string ReadParquet(Read.Types.DataSource source)
    {
        if (!string.Equals(source.Format, "parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw FakeErrors.Spark(StatusCode.Unimplemented, $"The fake reads Parquet only, not {source.Format}.", "UNSUPPORTED_FEATURE", "0A000");
        }

        var files = new List<string>();
        var hive = false;
        foreach (var path in source.Paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                // Spark skips names starting with '_' or '.' (_SUCCESS, a writer's temporary files), in any folder.
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).All(part => !part.StartsWith('_') && !part.StartsWith('.')))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                // Partition columns come from key=value folders below a folder that was read, never from the folders
                // above an explicit file (Spark takes a file's own folder as its base path).
                hive |= found.Any(f => Path.GetRelativePath(path, f).Contains('=', StringComparison.Ordinal));
                files.AddRange(found);
            }
            else
            {
                throw FakeErrors.Spark(StatusCode.Internal, $"[PATH_NOT_FOUND] Path does not exist: file:{path}.", "PATH_NOT_FOUND", "42K03", "org.apache.spark.sql.AnalysisException",
                    parameters: new Dictionary<string, string> { ["path"] = "file:" + path });
            }
        }

        if (files.Count == 0)
        {
            throw FakeErrors.Spark(StatusCode.Internal, "[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for Parquet. It must be specified manually.",
                "UNABLE_TO_INFER_SCHEMA", "42KD9", "org.apache.spark.sql.AnalysisException");
        }

        return $"SELECT * FROM read_parquet([{string.Join(", ", files.Select(Literal))}], union_by_name = true, hive_partitioning = {(hive ? "true" : "false")})";
    }

    private bool Exists(string view)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_views() WHERE view_name = $name AND temporary";
        command.Parameters.Add(new DuckDBParameter("name", view));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private DuckDBCommand Command(string sql, IReadOnlyDictionary<string, Expression> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, expression) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, Value(expression)));
        }

        return command;
    }

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Value(Expression expression)
    {
        var literal = expression.Literal ?? throw FakeErrors.Spark(StatusCode.InvalidArgument, "A named argument must be a literal.", "INVALID_SQL_ARG", "42K08");
        return literal.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.String => literal.String,
            Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long,
            Expression.Types.Literal.LiteralTypeOneofCase.Double => literal.Double,
            Expression.Types.Literal.LiteralTypeOneofCase.Boolean => literal.Boolean,
            Expression.Types.Literal.LiteralTypeOneofCase.Date => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + literal.Date),
            Expression.Types.Literal.LiteralTypeOneofCase.Timestamp => DateTime.UnixEpoch.AddTicks(literal.Timestamp * 10),
            Expression.Types.Literal.LiteralTypeOneofCase.Null => null,
            _ => throw FakeErrors.Spark(StatusCode.InvalidArgument, $"The fake does not bind {literal.LiteralTypeCase} literals.", "INVALID_SQL_ARG", "42K08"),
        };
    }

    private static ExecutePlanResponse Batch(ArrowSchema schema, List<object?[]> rows, long offset)
    {
        var columns = schema.FieldsList.Select((field, index) => Column(field.DataType, rows, index)).ToArray();
        using var batch = new RecordBatch(schema, columns, rows.Count);
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return new ExecutePlanResponse
        {
            ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch { RowCount = rows.Count, Data = ByteString.CopyFrom(stream.ToArray()), StartOffset = offset },
        };
    }

    private static IArrowArray Column(IArrowType type, List<object?[]> rows, int index)
    {
        var values = rows.Select(r => r[index]);
        switch (type)
        {
            case StringType:
                return new StringArray.Builder().AppendRange(values.Select(v => v?.ToString())).Build();
            case Int64Type:
                var longs = new Int64Array.Builder();
                foreach (var v in values)
                {
                    if (v is null) { longs.AppendNull(); } else { longs.Append(Int64Of(v)); }
                }

                return longs.Build();
            case Int32Type:
                var ints = new Int32Array.Builder();
                foreach (var v in values)
                {
                    if (v is null) { ints.AppendNull(); } else { ints.Append(Convert.ToInt32(v, CultureInfo.InvariantCulture)); }
                }

                return ints.Build();
            case DoubleType:
                var doubles = new DoubleArray.Builder();
                foreach (var v in values)
                {
                    if (v is null) { doubles.AppendNull(); } else { doubles.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture)); }
                }

                return doubles.Build();
            case BooleanType:
                var booleans = new BooleanArray.Builder();
                foreach (var v in values)
                {
                    if (v is null) { booleans.AppendNull(); } else { booleans.Append((bool)v); }
                }

                return booleans.Build();
            case Date32Type:
                var dates = new Date32Array.Builder();
                foreach (var v in values)
                {
                    if (v is null) { dates.AppendNull(); } else { dates.Append(v is DateOnly d ? d : DateOnly.FromDateTime((DateTime)v)); }
                }

                return dates.Build();
            case TimestampType timestamp:
                var instants = new TimestampArray.Builder(timestamp);
                foreach (var v in values)
                {
                    if (v is null) { instants.AppendNull(); } else { instants.Append(new DateTimeOffset(DateTime.SpecifyKind((DateTime)v, DateTimeKind.Utc))); }
                }

                return instants.Build();
            case Decimal128Type decimalType:
                var decimals = new Decimal128Array.Builder(decimalType);
                foreach (var v in values)
                {
                    if (v is null) { decimals.AppendNull(); } else { decimals.Append(Convert.ToDecimal(v, CultureInfo.InvariantCulture)); }
                }

                return decimals.Build();
            case ListType:
                var lists = new ListArray.Builder(StringType.Default);
                var strings = (StringArray.Builder)lists.ValueBuilder;
                foreach (var v in values)
                {
                    if (v is null)
                    {
                        lists.AppendNull();
                        continue;
                    }

                    lists.Append();
                    foreach (var item in (System.Collections.IEnumerable)v)
                    {
                        strings.Append(item?.ToString());
                    }
                }

                return lists.Build();
            default:
                throw new NotSupportedException($"The fake does not send {type.Name} columns.");
        }
    }

    // DuckDB's sum() of integers is a HUGEINT (128-bit); Spark's is a BIGINT that fails with an overflow in ANSI mode,
    // which the checked conversion mirrors.
    private static long Int64Of(object value) => value is System.Numerics.BigInteger big ? checked((long)big) : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    // What Spark's Arrow conversion sends for each type (timestamps in the session time zone, UTC here).
    private static IArrowType ArrowType(string duckType) => duckType.ToUpperInvariant() switch
    {
        "VARCHAR" => StringType.Default,
        "BIGINT" or "HUGEINT" or "UBIGINT" or "UINTEGER" => Int64Type.Default,
        "INTEGER" or "SMALLINT" or "TINYINT" or "USMALLINT" or "UTINYINT" => Int32Type.Default,
        "DOUBLE" or "FLOAT" => DoubleType.Default,
        "BOOLEAN" => BooleanType.Default,
        "DATE" => Date32Type.Default,
        "TIMESTAMP" or "TIMESTAMPTZ" or "TIMESTAMPNS" or "TIMESTAMPMS" or "TIMESTAMPS" => new TimestampType(TimeUnit.Microsecond, "UTC"),
        // DuckDB.NET names the type without precision and scale: a scale of 18 holds every value the jobs make.
        "DECIMAL" => new Decimal128Type(38, 18),
        "LIST" => new ListType(StringType.Default),
        _ => throw new NotSupportedException($"The fake has no Arrow type for DuckDB's {duckType}."),
    };

    private static DataType SparkType(string duckType) => ArrowType(duckType) switch
    {
        StringType => new DataType { String = new DataType.Types.String() },
        Int64Type => new DataType { Long = new DataType.Types.Long() },
        Int32Type => new DataType { Integer = new DataType.Types.Integer() },
        DoubleType => new DataType { Double = new DataType.Types.Double() },
        BooleanType => new DataType { Boolean = new DataType.Types.Boolean() },
        Date32Type => new DataType { Date = new DataType.Types.Date() },
        TimestampType => new DataType { Timestamp = new DataType.Types.Timestamp() },
        Decimal128Type d => new DataType { Decimal = new DataType.Types.Decimal { Precision = d.Precision, Scale = d.Scale } },
        _ => new DataType { Array = new DataType.Types.Array { ElementType = new DataType { String = new DataType.Types.String() }, ContainsNull = true } },
    };

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    // Spark's named parameter markers (:name) become DuckDB's ($name); '::' casts are left alone.
    [GeneratedRegex(@"(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterMarker();

}
