using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Points.Ledger;

/// <summary>What a use case asks the ledger to move. <see cref="IdempotencyKey"/> is already scoped by the caller.</summary>
public sealed record TransferOrder(
    Guid From, Guid To, long Amount, TransferKind Kind, string ReferenceType, string ReferenceId, Guid? ActorId, string? Reason,
    string IdempotencyKey, string RequestHash);

/// <summary>How a transfer with a caller's guarded precondition ended.</summary>
public enum PostOutcome
{
    Posted,
    PreconditionFailed,
    Insufficient,
}

/// <summary>
/// The only code that changes balances. Each transfer debits with a guarded update (a non-pool account only when it holds
/// enough), credits, and adds the transfer row — all inside the caller's transaction, so the three land together or not
/// at all. No read-then-write: the database decides, under any concurrency, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class PointsLedger(AppDbContext db, TimeProvider clock)
{
    /// <summary>Finds or opens an account. Runs outside any transaction: a parallel opening of the same account loses the unique race and re-reads.</summary>
    public async Task<Guid> AccountAsync(AccountKind kind, Guid ownerId, CancellationToken ct)
    {
        var id = await FindAccountAsync(kind, ownerId, ct);
        if (id is not null)
        {
            return id.Value;
        }

        var account = PointsAccount.Open(kind, ownerId, clock.GetUtcNow().UtcDateTime);
        db.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
            return account.Id;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(account).State = EntityState.Detached;
            return await FindAccountAsync(kind, ownerId, ct) ?? throw new InvalidOperationException("Account vanished after a unique violation.", e);
        }
    }

    public Task<Guid?> FindAccountAsync(AccountKind kind, Guid ownerId, CancellationToken ct) =>
        db.Set<PointsAccount>().Where(a => a.Kind == kind && a.OwnerId == ownerId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    public Task<PointsTransfer?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.Set<PointsTransfer>().AsNoTracking().FirstOrDefaultAsync(t => t.IdempotencyKey == key, ct);

    /// <summary>
    /// Moves the points inside the current transaction and adds the transfer to the unit of work (the caller saves).
    /// False when the source may not go below zero and holds too little; nothing is changed then.
    /// </summary>
    public async Task<bool> PostAsync(TransferOrder order, CancellationToken ct)
    {
        Check(order);
        var amount = order.Amount;
        var debited = await db.Set<PointsAccount>()
            .Where(a => a.Id == order.From && (a.Kind == AccountKind.CommunityPool || a.Balance >= amount))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance - amount), ct);
        if (debited != 1)
        {
            return false;
        }

        var credited = await db.Set<PointsAccount>().Where(a => a.Id == order.To)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + amount), ct);
        if (credited != 1)
        {
            throw new InvalidOperationException($"Account {order.To} does not exist.");
        }

        db.Add(PointsTransfer.Create(order, clock.GetUtcNow().UtcDateTime));
        return true;
    }

    /// <summary>
    /// Like <see cref="PostAsync(TransferOrder, CancellationToken)"/>, with the caller's own guarded update
    /// (<paramref name="preconditions"/>, e.g. "reserve one unit of stock"; each must change a row) sent in the same round trip, first. The
    /// statements run in one command, so all of them run even when an earlier guard fails: the caller MUST roll the
    /// transaction back on any outcome but <see cref="PostOutcome.Posted"/> (<see cref="ExecuteAsync"/> does), so nothing
    /// of a half-done batch survives. The guards still decide: each checks the row as the earlier statements left it.
    /// </summary>
    public async Task<PostOutcome> PostBatchedAsync(TransferOrder order, IReadOnlyList<FormattableString> preconditions, CancellationToken ct)
    {
        var outcome = await BatchAsync(order, preconditions, [], ct);
        if (outcome == PostOutcome.Posted)
        {
            db.Add(PointsTransfer.Create(order, clock.GetUtcNow().UtcDateTime));
        }

        return outcome;
    }

    /// <summary>
    /// Like <see cref="PostBatchedAsync"/>, but the transfer row and the caller's own new rows (<paramref name="rows"/>, e.g.
    /// the redemption and its audit entry) are written by the SAME command as the guarded updates, not through the unit of
    /// work: one round trip for the whole write. The inserts run even when a guard fails, so here too the caller MUST roll
    /// the transaction back on any outcome but <see cref="PostOutcome.Posted"/> (<see cref="ExecuteAsync"/> does). A reused
    /// idempotency key fails the command with a unique violation (a <see cref="DbUpdateException"/>), which
    /// <see cref="ExecuteAsync"/> answers like a retry.
    /// </summary>
    public Task<PostOutcome> PostWithRowsAsync(TransferOrder order, IReadOnlyList<FormattableString> preconditions, IReadOnlyList<object> rows, CancellationToken ct) =>
        BatchAsync(order, preconditions, [PointsTransfer.Create(order, clock.GetUtcNow().UtcDateTime), .. rows], ct);

    private async Task<PostOutcome> BatchAsync(TransferOrder order, IReadOnlyList<FormattableString> preconditions, IReadOnlyList<object> inserts, CancellationToken ct)
    {
        Check(order);
        var amount = order.Amount;
        var pool = (int)AccountKind.CommunityPool;
        var statements = new List<FormattableString>(preconditions)
        {
            $"UPDATE points_accounts SET \"Balance\" = \"Balance\" - {amount} WHERE \"Id\" = {order.From} AND (\"Kind\" = {pool} OR \"Balance\" >= {amount})",
            $"UPDATE points_accounts SET \"Balance\" = \"Balance\" + {amount} WHERE \"Id\" = {order.To}",
        };
        var changed = await GuardedBatch.ExecuteAsync(db, statements, inserts, ct);
        var n = preconditions.Count;
        if (changed.Take(n).Any(c => !c))
        {
            return PostOutcome.PreconditionFailed;
        }

        if (!changed[n])
        {
            return PostOutcome.Insufficient;
        }

        if (!changed[n + 1])
        {
            throw new InvalidOperationException($"Account {order.To} does not exist.");
        }

        return PostOutcome.Posted;
    }

    /// <summary>
    /// Runs one idempotent write in its own transaction. A key seen before answers from the first transfer
    /// (<paramref name="replay"/>) when the request is the same, 422 when it differs. A parallel twice-sent request loses
    /// the unique race on the key, rolls back everything it did, and answers like a retry. <paramref name="keyKnownNew"/>:
    /// the caller has just looked the key up itself (in its own first query), so the look-up is not repeated; the unique
    /// key still catches a race.
    /// </summary>
    public async Task<Result<T>> ExecuteAsync<T>(
        string key, string requestHash, Func<CancellationToken, Task<Result<T>>> write,
        Func<PointsTransfer, CancellationToken, Task<Result<T>>> replay, CancellationToken ct, bool keyKnownNew = false)
    {
        if (!keyKnownNew && await FindByKeyAsync(key, ct) is { } earlier)
        {
            return await AnswerRetryAsync(earlier, requestHash, replay, ct);
        }

        // The transaction is rolled back as a whole on any failure, so SaveChanges needs no savepoint (a round trip).
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await write(ct);
            if (!result.IsOk)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            }

            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var first = await FindByKeyAsync(key, ct);
            if (first is null)
            {
                throw;
            }

            return await AnswerRetryAsync(first, requestHash, replay, ct);
        }
    }

    private static Task<Result<T>> AnswerRetryAsync<T>(
        PointsTransfer earlier, string requestHash, Func<PointsTransfer, CancellationToken, Task<Result<T>>> replay, CancellationToken ct) =>
        earlier.RequestHash == requestHash
            ? replay(earlier, ct)
            : Task.FromResult(Result<T>.Unprocessable("这个 Idempotency-Key 已用于另一个请求，请换一个新的"));

    private void Check(TransferOrder order)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A transfer must run inside the caller's transaction.");
        }

        if (order.Amount <= 0 || order.From == order.To)
        {
            throw new ArgumentException("A transfer moves a positive whole number of points between two accounts.", nameof(order));
        }
    }
}
