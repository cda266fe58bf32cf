namespace CommunityPartner.Bench.Generation;

/// <summary>Where generated rows go: SQLite through prepared inserts, PostgreSQL through binary COPY.</summary>
public interface IBulkSink : IAsyncDisposable
{
    /// <summary>Takes the secondary indexes of <paramref name="tables"/> off for the load (their definitions are kept).</summary>
    Task BeginAsync(IReadOnlyList<BulkTable> tables);

    Task WriteAsync(BulkTable table, IReadOnlyList<object> rows);

    /// <summary>Commits the batch.</summary>
    Task FlushAsync();

    /// <summary>Puts the indexes back, exactly as the migrations defined them.</summary>
    Task FinishAsync();
}
