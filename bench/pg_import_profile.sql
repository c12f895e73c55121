-- Where the PostgreSQL server's time goes when stance bulk-writes votes (docs/benchmarks.md,
-- "PostgreSQL"). Run with psql on a scratch copy of a database bench_unga_import has filled:
--
--   psql -X -d postgres -c "CREATE DATABASE scratch TEMPLATE stance_import"
--   psql -X -d scratch -f bench/pg_import_profile.sql
--
-- It takes 100,000 votes out of the stance table into a staging table, as the backend stages a
-- batch (src/store/postgres/pg_bulk_stances.cpp), and writes them back the way the backend does,
-- under EXPLAIN ANALYZE, each time in a transaction that is rolled back: as the backend writes them
-- (INSERT … SELECT with ON CONFLICT on the slug), as a plain INSERT, and then without each part of
-- the table's cost in turn (its foreign keys, its secondary indexes, its generated search column),
-- and last a COPY of the same rows into a table of four text columns, as the baseline writes.
-- No conflict occurs (the slugs were taken out), so the upsert's SET list does not matter; one
-- column stands for it.
\set ON_ERROR_STOP on
\timing on

CREATE TEMPORARY TABLE staging AS
    SELECT slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id, agenda_item_id, kind, score, breadth,
           quote, paraphrase, document_id, span_start, span_end, page, reported_by_id, confidence, coder, coded_at,
           stated_on, effective_date, note, basis
    FROM stance WHERE basis = 'vote' ORDER BY id DESC LIMIT 100000;
DELETE FROM stance WHERE slug IN (SELECT slug FROM staging);
VACUUM (ANALYZE) stance;

\echo '== as the backend writes a batch: INSERT ... SELECT ... ON CONFLICT (slug) DO UPDATE'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, WAL) INSERT INTO stance (slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id,
    agenda_item_id, kind, score, breadth, quote, paraphrase, document_id, span_start, span_end, page, reported_by_id,
    confidence, coder, coded_at, stated_on, effective_date, note, basis)
    SELECT * FROM staging ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind;
ROLLBACK;

\echo '== a plain INSERT ... SELECT'
BEGIN;
EXPLAIN (ANALYZE, WAL) INSERT INTO stance (slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id,
    agenda_item_id, kind, score, breadth, quote, paraphrase, document_id, span_start, span_end, page, reported_by_id,
    confidence, coder, coded_at, stated_on, effective_date, note, basis)
    SELECT * FROM staging;
ROLLBACK;

\echo '== without the foreign keys'
BEGIN;
ALTER TABLE stance DROP CONSTRAINT stance_actor_id_fkey, DROP CONSTRAINT stance_speaker_id_fkey,
    DROP CONSTRAINT stance_topic_id_fkey, DROP CONSTRAINT stance_proposition_id_fkey,
    DROP CONSTRAINT stance_meeting_id_fkey, DROP CONSTRAINT stance_agenda_item_id_fkey,
    DROP CONSTRAINT stance_document_id_fkey, DROP CONSTRAINT stance_reported_by_id_fkey;
EXPLAIN (ANALYZE, WAL) INSERT INTO stance (slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id,
    agenda_item_id, kind, score, breadth, quote, paraphrase, document_id, span_start, span_end, page, reported_by_id,
    confidence, coder, coded_at, stated_on, effective_date, note, basis)
    SELECT * FROM staging ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind;
ROLLBACK;

\echo '== without the secondary indexes (the primary key and the slug stay)'
BEGIN;
DROP INDEX stance_by_actor, stance_by_topic, stance_by_meeting, stance_by_agenda_item, stance_by_document,
    stance_by_date, stance_search_index;
EXPLAIN (ANALYZE, WAL) INSERT INTO stance (slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id,
    agenda_item_id, kind, score, breadth, quote, paraphrase, document_id, span_start, span_end, page, reported_by_id,
    confidence, coder, coded_at, stated_on, effective_date, note, basis)
    SELECT * FROM staging ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind;
ROLLBACK;

\echo '== without the generated search column (and its index)'
BEGIN;
ALTER TABLE stance DROP COLUMN search;
EXPLAIN (ANALYZE, WAL) INSERT INTO stance (slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id,
    agenda_item_id, kind, score, breadth, quote, paraphrase, document_id, span_start, span_end, page, reported_by_id,
    confidence, coder, coded_at, stated_on, effective_date, note, basis)
    SELECT * FROM staging ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind;
ROLLBACK;

\echo '== the baseline shape: the same number of rows into four text columns, then one index'
BEGIN;
CREATE TABLE raw_votes (rcid text, country text, country_code text, vote text);
EXPLAIN (ANALYZE, WAL) INSERT INTO raw_votes SELECT meeting_id::text, slug, actor_id::text, kind FROM staging;
CREATE INDEX raw_votes_by_country ON raw_votes(country_code, rcid);
ROLLBACK;
