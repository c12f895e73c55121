// Baseline for bench_agreement_matrices: the same question as agreement_pandas.py (every pair of
// countries in every UN General Assembly session: roll calls both voted on, identical votes) in SQL,
// by DuckDB straight over the unvotes CSV files (npm @duckdb/node-api).
//
// Usage: node agreement_duckdb.mjs UN_VOTES_CSV UN_ROLL_CALLS_CSV
// Prints: seconds=... pairs=... agree_total=...
import { DuckDBInstance } from "@duckdb/node-api";

const [votes, rollCalls] = process.argv.slice(2);
const started = performance.now();
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`
  WITH v AS (
    SELECT v.rcid, r.session, v.country, v.vote
    FROM read_csv('${votes}', header = true) v JOIN read_csv('${rollCalls}', header = true) r USING (rcid)
  ), pairs AS (
    SELECT a.session, a.country AS first, b.country AS second, count(*) AS n,
           sum(CASE WHEN a.vote = b.vote THEN 1 ELSE 0 END) AS agree
    FROM v a JOIN v b ON a.rcid = b.rcid AND a.country < b.country
    GROUP BY a.session, a.country, b.country
  )
  SELECT count(*) AS pairs, sum(agree) AS agree_total FROM pairs`);
const [row] = reader.getRows();
const seconds = (performance.now() - started) / 1000;
console.log(`seconds=${seconds.toFixed(3)} pairs=${row[0]} agree_total=${row[1]}`);
