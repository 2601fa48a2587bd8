using Apache.Arrow;
using ProctorWise.SparkConnect.Protocol;

namespace ProctorWise.SparkConnect;

/// <summary>
/// What one execution returned: the Arrow record batches in order (each <c>ArrowBatch</c> of the stream is a whole Arrow
/// IPC stream, decoded here), the result's schema and, for a SQL command, the relation Spark answers with.
/// </summary>
public sealed class SparkResult : IDisposable
{
    internal SparkResult(string operationId, Schema? schema, IReadOnlyList<RecordBatch> batches, Relation? sqlCommandRelation, int responses)
    {
        OperationId = operationId;
        Schema = schema;
        Batches = batches;
        SqlCommandRelation = sqlCommandRelation;
        Responses = responses;
    }

    /// <summary>The operation id the client chose.</summary>
    public string OperationId { get; }

    /// <summary>The Arrow schema of the rows, or null when the server sent no batch (a command).</summary>
    public Schema? Schema { get; }

    /// <summary>The record batches, in order.</summary>
    public IReadOnlyList<RecordBatch> Batches { get; }

    /// <summary>The relation a <c>sql_command</c> answered with (a local relation or a SQL to run as a query), or null.</summary>
    public Relation? SqlCommandRelation { get; }

    /// <summary>How many responses the server sent (all attaches together).</summary>
    public int Responses { get; }

    /// <summary>The number of rows.</summary>
    public long RowCount => Batches.Sum(b => (long)b.Length);

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Columns => Schema?.FieldsList.Select(f => f.Name).ToArray() ?? [];

    /// <summary>The rows as .NET values (see <see cref="ArrowValues"/>).</summary>
    public IEnumerable<object?[]> Rows()
    {
        foreach (var batch in Batches)
        {
            for (var row = 0; row < batch.Length; row++)
            {
                var values = new object?[batch.ColumnCount];
                for (var column = 0; column < batch.ColumnCount; column++)
                {
                    values[column] = ArrowValues.Get(batch.Column(column), row);
                }

                yield return values;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var batch in Batches)
        {
            batch.Dispose();
        }
    }
}
