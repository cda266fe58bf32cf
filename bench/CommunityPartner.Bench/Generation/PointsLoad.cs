namespace CommunityPartner.Bench.Generation;

/// <summary>
/// Bulk-loads ledger transfers shaped like the app's, in PostgreSQL (generate_series, one INSERT per chunk, so the
/// PointsTally migration's statement trigger keeps the aggregates for every chunk as it would for any writer):
/// <see cref="Residents"/> bench residents spread over the communities, each with a resident and a held account; each
/// block of 100 transfers belongs to one resident (so every resident who spends was also issued points): of the 100 45 awards and 25 drop-offs from the resident's community pool, 10 holds (resident → held), 10 of the
/// held points going on to one of 200 merchants (redemptions; every fifth refunded instead), and 10 expiries back to the
/// pool — at times spread over the Beijing year 2025. Account balances are then set to their movements, so
/// <c>points reconcile</c> holds.
/// </summary>
public static class PointsLoad
{
    public const int Residents = 20_000;
    public const int Merchants = 200;

    /// <summary>Users, accounts (residents, held, pools, merchants), idempotent.</summary>
    public static readonly string Accounts = $$"""
        CREATE TEMP TABLE bench_communities AS
            SELECT "Id", (row_number() OVER (ORDER BY "Id")) - 1 AS n FROM communities_communities;
        INSERT INTO accounts_users ("Id", "DisplayName", "CommunityId", "CreatedAt", "UserName", "NormalizedUserName", "EmailConfirmed",
            "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
        SELECT md5('bench-resident-' || r)::uuid, '居民' || r, c."Id", timestamptz '2024-12-01 00:00:00+00', '199' || lpad(r::text, 8, '0'),
            '199' || lpad(r::text, 8, '0'), false, md5('s' || r), md5('c' || r), '199' || lpad(r::text, 8, '0'), true, false, true, 0
        FROM generate_series(0, {{Residents - 1}}) AS r JOIN bench_communities AS c ON c.n = r % (SELECT count(*) FROM bench_communities)
        ON CONFLICT DO NOTHING;
        INSERT INTO points_accounts ("Id", "Kind", "OwnerId", "Balance", "CreatedAt")
        SELECT md5('bench-account-' || k || '-' || r)::uuid, k, md5('bench-resident-' || r)::uuid, 0, timestamptz '2024-12-01 00:00:00+00'
        FROM generate_series(0, {{Residents - 1}}) AS r CROSS JOIN (VALUES (0), (3)) AS kinds (k)
        ON CONFLICT DO NOTHING;
        INSERT INTO points_accounts ("Id", "Kind", "OwnerId", "Balance", "CreatedAt")
        SELECT md5('bench-merchant-' || m)::uuid, 1, md5('bench-merchant-owner-' || m)::uuid, 0, timestamptz '2024-12-01 00:00:00+00'
        FROM generate_series(0, {{Merchants - 1}}) AS m
        ON CONFLICT DO NOTHING;
        INSERT INTO points_accounts ("Id", "Kind", "OwnerId", "Balance", "CreatedAt")
        SELECT md5('bench-pool-' || c."Id")::uuid, 2, c."Id", 0, timestamptz '2024-12-01 00:00:00+00' FROM bench_communities AS c
        ON CONFLICT DO NOTHING;
        CREATE TEMP TABLE bench_residents AS
            SELECT r, (SELECT a."Id" FROM points_accounts a WHERE a."Kind" = 0 AND a."OwnerId" = md5('bench-resident-' || r)::uuid) AS resident,
                   (SELECT a."Id" FROM points_accounts a WHERE a."Kind" = 3 AND a."OwnerId" = md5('bench-resident-' || r)::uuid) AS held,
                   (SELECT a."Id" FROM points_accounts a JOIN accounts_users u ON u."CommunityId" = a."OwnerId"
                    WHERE a."Kind" = 2 AND u."Id" = md5('bench-resident-' || r)::uuid) AS pool
            FROM generate_series(0, {{Residents - 1}}) AS r;
        CREATE UNIQUE INDEX ON bench_residents (r);
        CREATE TEMP TABLE bench_merchants AS
            SELECT m, (SELECT a."Id" FROM points_accounts a WHERE a."Kind" = 1 AND a."OwnerId" = md5('bench-merchant-owner-' || m)::uuid) AS merchant
            FROM generate_series(0, {{Merchants - 1}}) AS m;
        CREATE UNIQUE INDEX ON bench_merchants (m);
        ANALYZE bench_residents;
        ANALYZE bench_merchants;
        """;

    /// <summary>Transfers numbered [@from, @to): one INSERT (parameters {0} and {1}).</summary>
    public const string Chunk = """
        INSERT INTO points_transfers ("FromAccountId", "ToAccountId", "Amount", "Kind", "ReferenceType", "ReferenceId", "ActorId", "At", "Reason", "IdempotencyKey", "RequestHash")
        SELECT CASE WHEN k < 70 OR k >= 90 THEN CASE WHEN k < 70 THEN r.pool ELSE r.resident END
                    WHEN k < 80 THEN r.resident ELSE r.held END,
               CASE WHEN k < 70 THEN r.resident WHEN k < 80 THEN r.held WHEN k < 90 THEN CASE WHEN (j / 100) % 5 = 0 THEN r.resident ELSE m.merchant END ELSE r.pool END,
               CASE WHEN k < 70 THEN 5 + j % 16 WHEN k < 90 THEN 5 + j % 26 ELSE 1 + j % 5 END,
               CASE WHEN k < 45 THEN 0 WHEN k < 70 THEN 1 WHEN k < 80 THEN 6 WHEN k < 90 THEN CASE WHEN (j / 100) % 5 = 0 THEN 3 ELSE 2 END ELSE 4 END,
               'bench', i::text, NULL,
               timestamptz '2024-12-31 16:00:00+00' + make_interval(secs => (j * 7919) % 31536000) + CASE WHEN k BETWEEN 80 AND 89 THEN interval '10 minutes' ELSE interval '0' END,
               NULL, 'bench-' || i, ''
        FROM (SELECT i, i % 100 AS k, CASE WHEN i % 100 BETWEEN 80 AND 89 THEN i - 10 ELSE i END AS j FROM generate_series({0}::bigint, {1}::bigint - 1) AS i) AS s
        JOIN bench_residents AS r ON r.r = ((s.j / 100) * 2654435761) % 20000
        JOIN bench_merchants AS m ON m.m = s.j % 200
        """;

    /// <summary>Every account's balance = its movements (the bench's transfers start from zero balances).</summary>
    public const string Balances = """
        UPDATE points_accounts AS a SET "Balance" = f.balance
        FROM (SELECT id, SUM(amount) AS balance FROM (
                SELECT "ToAccountId" AS id, "Amount" AS amount FROM points_transfers
                UNION ALL SELECT "FromAccountId", -"Amount" FROM points_transfers) AS x GROUP BY id) AS f
        WHERE a."Id" = f.id AND a."Balance" <> f.balance;
        """;

    /// <summary>Rows where the kept aggregates differ from a GROUP BY of the transfers (the migration's backfill): 0 when they agree.</summary>
    public const string Differences = """
        WITH monthly AS (
            SELECT f."OwnerId" AS c, points_tally_month(t."At") AS m, t."Kind" AS k, SUM(t."Amount") AS p, COUNT(*) AS n
            FROM points_transfers AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
            WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0 GROUP BY 1, 2, 3
            UNION ALL
            SELECT COALESCE(u."CommunityId", '00000000-0000-0000-0000-000000000000'), points_tally_month(t."At"), 2, SUM(t."Amount"), COUNT(*)
            FROM points_transfers AS t JOIN points_accounts AS h ON h."Id" = t."FromAccountId" JOIN accounts_users AS u ON u."Id" = h."OwnerId"
            WHERE t."Kind" = 2 AND h."Kind" = 3 GROUP BY 1, 2),
        active AS (
            SELECT DISTINCT f."OwnerId" AS c, points_tally_month(t."At") AS m, r."OwnerId" AS resident
            FROM points_transfers AS t JOIN points_accounts AS f ON f."Id" = t."FromAccountId" JOIN points_accounts AS r ON r."Id" = t."ToAccountId"
            WHERE t."Kind" IN (0, 1) AND f."Kind" = 2 AND r."Kind" = 0)
        SELECT (SELECT count(*) FROM ((SELECT c, m, k, p, n FROM monthly EXCEPT SELECT "CommunityId", "Month", "Kind", "Points", "Transfers" FROM points_monthly WHERE "Transfers" <> 0)
                UNION ALL (SELECT "CommunityId", "Month", "Kind", "Points", "Transfers" FROM points_monthly WHERE "Transfers" <> 0 EXCEPT SELECT c, m, k, p, n FROM monthly)) AS d)
             + (SELECT count(*) FROM ((SELECT c, m, resident FROM active EXCEPT SELECT "CommunityId", "Month", "ResidentId" FROM points_active)
                UNION ALL (SELECT "CommunityId", "Month", "ResidentId" FROM points_active EXCEPT SELECT c, m, resident FROM active)) AS d)
             + (SELECT count(*) FROM ((SELECT DISTINCT s.scope_id, s.span, a.resident FROM active AS a CROSS JOIN LATERAL points_active_span_rows(a.c, a.m) AS s
                    EXCEPT SELECT "ScopeId", "Span", "ResidentId" FROM points_active_spans)
                UNION ALL (SELECT "ScopeId", "Span", "ResidentId" FROM points_active_spans
                    EXCEPT SELECT DISTINCT s.scope_id, s.span, a.resident FROM active AS a CROSS JOIN LATERAL points_active_span_rows(a.c, a.m) AS s)) AS d) AS "Value"
        """;
}
