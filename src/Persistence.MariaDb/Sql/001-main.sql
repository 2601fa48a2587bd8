-- =====================================================================================
-- ProctorWise :: Orleans ADO.NET schema for MariaDB 10.11 -- 001-main.sql
--
-- Written for the ProctorWise project (own work, not copied from the Orleans repository).
-- Implements the contract of the Orleans ADO.NET providers version 10.4.2
--   (Microsoft.Orleans.Clustering.AdoNet / .Persistence.AdoNet / .Reminders.AdoNet 10.4.2)
-- for the driver MySqlConnector 2.6.x, invariant "MySql.Data.MySqlConnector".
--
-- This file: the OrleansQuery table. Every provider reads its SQL from here with
--   SELECT QueryKey, QueryText FROM OrleansQuery
-- (clustering/reminders read all rows, persistence reads its four keys).
--
-- Idempotent: safe to run any number of times. Apply in order 001, 002, 003, 004.
-- Origin and version are recorded in this header and in the header of 002-004; the Orleans
-- version in use is pinned in Directory.Packages.props (OrleansVersion), and the migrate command
-- records each applied script with its checksum in ProctorWiseSchemaHistory. What to compare when
-- Orleans is upgraded: docs/operations.md, section Schema changes.
-- Rules followed by all files:
--   * InnoDB, utf8mb4; identifier columns use utf8mb4_nopad_bin (exact, case- and
--     trailing-space-sensitive matching, like Orleans' string comparison).
--   * Query rows are upserted (INSERT ... ON DUPLICATE KEY UPDATE) so a re-run replaces the text.
--   * Query texts contain no single quotes, no question marks and no user variables,
--     so they need no escaping and no AllowUserVariables=true in the connection string.
--   * The scripts use no DELIMITER and no stored procedures; multi-step operations are
--     MariaDB anonymous compound statements (BEGIN NOT ATOMIC ... END) stored as query text.
-- =====================================================================================

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  VARCHAR(64) NOT NULL,
    QueryText MEDIUMTEXT  NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
