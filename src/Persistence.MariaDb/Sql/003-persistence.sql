-- =====================================================================================
-- ProctorWise :: Orleans ADO.NET schema for MariaDB 10.11 -- 003-persistence.sql
--
-- Written for the ProctorWise project (own work, not copied from the Orleans repository).
-- Implements the grain-state contract of Microsoft.Orleans.Persistence.AdoNet 10.4.2
-- (AdoNetGrainStorage) with MySqlConnector (invariant "MySql.Data.MySqlConnector").
-- Requires 001-main.sql. Idempotent: tables are created if missing, query rows are upserted.
--
-- Contract summary. All four queries receive the same identity parameters:
--   GrainIdHash (int), GrainTypeHash (int)    -- Orleans-computed hashes (default hasher)
--   GrainIdN0, GrainIdN1 (bigint)             -- numeric key parts (0 for string keys)
--   GrainTypeString (string)                  -- the state name (IGrainStorage stateName), generics normalised
--   GrainIdExtensionString (string or NULL)   -- string key, or key extension of Guid/long keys
--   ServiceId (string)                        -- ClusterOptions.ServiceId
-- plus:
--   ReadFromStorageKey : -                    -> columns PayloadBinary (bytes or NULL), Version (int or NULL)
--   WriteToStorageKey  : GrainStateVersion (int or NULL = "no record known"), PayloadBinary (bytes)
--                                             -> one row, column NewGrainStateVersion (NULL = conflict)
--   ClearStorageKey    : GrainStateVersion    -> one row, first column = new version (NULL = conflict)
--   DeleteStorageKey   : GrainStateVersion    -> one row, first column = old version + 1 (NULL = conflict)
--                        (used instead of ClearStorageKey when DeleteStateOnClear = true)
-- Orleans raises InconsistentStateException when the returned version is NULL/empty or equal
-- to the ETag it sent.
-- =====================================================================================

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    Id                     BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    GrainIdHash            INT         NOT NULL,
    GrainIdN0              BIGINT      NOT NULL,
    GrainIdN1              BIGINT      NOT NULL,
    GrainTypeHash          INT         NOT NULL,
    GrainTypeString        TEXT        NOT NULL,
    GrainIdExtensionString TEXT        NULL,
    ServiceId              VARCHAR(150) NOT NULL,

    -- serialized state as produced by the configured IGrainStorageSerializer; NULL after ClearState
    PayloadBinary          LONGBLOB    NULL,
    ModifiedOn             DATETIME(3) NOT NULL,
    Version                INT         NOT NULL,

    -- Exact identity of a state row. The columns are too long for an ordinary unique index and
    -- GrainIdExtensionString may be NULL, so a length-prefixed SHA-256 of all identity columns is
    -- stored and made unique. It is what makes concurrent first writes safe: the loser gets
    -- duplicate-key 1062, which WriteToStorageKey turns into a version conflict.
    GrainIdentity BINARY(32) AS (UNHEX(SHA2(CONCAT_WS(':',
        CHAR_LENGTH(ServiceId), ServiceId,
        GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1,
        CHAR_LENGTH(GrainTypeString), GrainTypeString,
        IF(GrainIdExtensionString IS NULL, -1, CHAR_LENGTH(GrainIdExtensionString)),
        IFNULL(GrainIdExtensionString, '')), 256))) PERSISTENT,

    CONSTRAINT PK_OrleansStorage PRIMARY KEY (Id),
    CONSTRAINT UX_OrleansStorage_GrainIdentity UNIQUE KEY (GrainIdentity),
    INDEX IX_OrleansStorage_Hashes (GrainIdHash, GrainTypeHash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- ReadFromStorageKey
--   returns: 0 rows (never written) or 1 row: PayloadBinary, Version.
--   A cleared row (PayloadBinary NULL) still returns its Version, so the grain keeps an ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT
    PayloadBinary,
    Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString <=> @GrainIdExtensionString
LIMIT 1
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- WriteToStorageKey
--   GrainStateVersion NOT NULL -> optimistic UPDATE of that exact version (Version + 1);
--   GrainStateVersion NULL     -> INSERT with Version 1; an existing row (unique GrainIdentity,
--                                 error 1062) means someone else wrote first -> conflict.
--   returns: one row, NewGrainStateVersion = new version, or NULL on conflict.
--   Each branch is a single autocommitted statement, so no explicit transaction is needed.
--   The payload parameter is referenced once (copied into a local) to keep the packet small.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
BEGIN NOT ATOMIC
    DECLARE payload LONGBLOB DEFAULT @PayloadBinary;
    DECLARE expected_version INT DEFAULT @GrainStateVersion;
    DECLARE new_version INT DEFAULT NULL;
    DECLARE duplicate_row INT DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR 1062 SET duplicate_row = 1;

    IF expected_version IS NOT NULL THEN
        UPDATE OrleansStorage
        SET PayloadBinary = payload,
            ModifiedOn = UTC_TIMESTAMP(3),
            Version = Version + 1
        WHERE GrainIdHash = @GrainIdHash
          AND GrainTypeHash = @GrainTypeHash
          AND GrainIdN0 = @GrainIdN0
          AND GrainIdN1 = @GrainIdN1
          AND ServiceId = @ServiceId
          AND GrainTypeString = @GrainTypeString
          AND GrainIdExtensionString <=> @GrainIdExtensionString
          AND Version = expected_version;
        IF ROW_COUNT() > 0 THEN
            SET new_version = expected_version + 1;
        END IF;
    ELSE
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
             @GrainIdExtensionString, @ServiceId, payload, UTC_TIMESTAMP(3), 1);
        IF duplicate_row = 0 THEN
            SET new_version = 1;
        END IF;
    END IF;

    SELECT new_version AS NewGrainStateVersion;
END
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- ClearStorageKey  (DeleteStateOnClear = false, the default)
--   Keeps the row, drops the payload and bumps the version.
--   returns: one row, NewGrainStateVersion = GrainStateVersion + 1, or NULL on conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = UTC_TIMESTAMP(3),
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = @GrainStateVersion;
SELECT IF(ROW_COUNT() > 0, @GrainStateVersion + 1, NULL) AS NewGrainStateVersion;
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- DeleteStorageKey  (DeleteStateOnClear = true)
--   Deletes the row if the version matches.
--   returns: one row, NewGrainStateVersion = GrainStateVersion + 1 (Orleans then sets ETag = null),
--            or NULL on conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND Version = @GrainStateVersion;
SELECT IF(ROW_COUNT() > 0, @GrainStateVersion + 1, NULL) AS NewGrainStateVersion;
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
