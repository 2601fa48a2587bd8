-- =====================================================================================
-- ProctorWise :: Orleans ADO.NET schema for MariaDB 10.11 -- 002-clustering.sql
--
-- Written for the ProctorWise project (own work, not copied from the Orleans repository).
-- Implements the membership (clustering) contract of Microsoft.Orleans.Clustering.AdoNet 10.4.2
-- with MySqlConnector (invariant "MySql.Data.MySqlConnector"). Requires 001-main.sql.
-- Idempotent: tables are created if missing, query rows are upserted.
--
-- Contract summary (parameters are bound by name without prefix and referenced as @Name):
--   Required keys (all must exist or the silo/client fails at start):
--     InsertMembershipVersionKey, MembershipReadRowKey, MembershipReadAllKey, InsertMembershipKey,
--     UpdateMembershipKey, UpdateIAmAlivetimeKey, GatewaysQueryKey,
--     DeleteMembershipTableEntriesKey, CleanupDefunctSiloEntriesKey
--   Optional key used by 10.4.2 when present (preferred cleanup path):
--     CleanupDefunctSiloEntryKey
--   Table version = OrleansMembershipVersionTable.Version; every membership write must check
--   the caller's version (@Version) and increment it atomically with the row change.
--   SiloStatus values: 3 = Active, 6 = Dead.
-- =====================================================================================

-- One row per cluster (Orleans calls the cluster id "DeploymentId" here).
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId VARCHAR(150) NOT NULL,
    UpdatedOn    DATETIME(3)  NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    Version      INT          NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- One row per silo incarnation (address, port, generation).
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId VARCHAR(150) NOT NULL,
    Address      VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    Port         INT          NOT NULL,
    Generation   INT          NOT NULL,
    SiloName     VARCHAR(255) NOT NULL,
    HostName     VARCHAR(255) NOT NULL,
    Status       INT          NOT NULL,
    ProxyPort    INT          NOT NULL DEFAULT 0,
    SuspectTimes TEXT         NULL,
    StartTime    DATETIME(3)  NOT NULL,
    IAmAliveTime DATETIME(3)  NOT NULL,

    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_VersionTable FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- InsertMembershipVersionKey
--   params : DeploymentId
--   returns: one row, one column (truthy when the version row was created now)
--   A concurrent creator (duplicate key 1062) is treated as "already there", not as an error.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
BEGIN NOT ATOMIC
    DECLARE already_exists INT DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR 1062 SET already_exists = 1;
    INSERT INTO OrleansMembershipVersionTable (DeploymentId, UpdatedOn, Version)
    VALUES (@DeploymentId, UTC_TIMESTAMP(3), 0);
    SELECT 1 - already_exists AS Created;
END
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- MembershipReadRowKey
--   params : DeploymentId, Address, Port, Generation
--   returns: always the version row (LEFT JOIN) so Version is present even without a member;
--            member columns are NULL when the silo has no row (Orleans checks StartTime).
--   columns: Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes,
--            StartTime, IAmAliveTime, Version
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
SELECT
    v.DeploymentId,
    m.Address,
    m.Port,
    m.Generation,
    m.SiloName,
    m.HostName,
    m.Status,
    m.ProxyPort,
    m.SuspectTimes,
    m.StartTime,
    m.IAmAliveTime,
    v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
    ON  m.DeploymentId = v.DeploymentId
    AND m.Address = @Address
    AND m.Port = @Port
    AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- MembershipReadAllKey
--   params : DeploymentId
--   returns: same columns as MembershipReadRowKey, one row per member (at least one row).
--            A single SELECT reads version and members from one consistent InnoDB snapshot.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
SELECT
    v.DeploymentId,
    m.Address,
    m.Port,
    m.Generation,
    m.SiloName,
    m.HostName,
    m.Status,
    m.ProxyPort,
    m.SuspectTimes,
    m.StartTime,
    m.IAmAliveTime,
    v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
    ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- InsertMembershipKey
--   params : DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
--            StartTime, IAmAliveTime, Version (expected table version)
--   returns: one row, one column: 1 = inserted and table version bumped, 0 = version
--            mismatch or row already present (nothing changed).
--   The version row update comes first: its row lock serialises all membership writers.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
BEGIN NOT ATOMIC
    DECLARE inserted INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1,
        UpdatedOn = UTC_TIMESTAMP(3)
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version;

    IF ROW_COUNT() > 0 AND NOT EXISTS (
        SELECT 1
        FROM OrleansMembershipTable
        WHERE DeploymentId = @DeploymentId
          AND Address = @Address
          AND Port = @Port
          AND Generation = @Generation) THEN
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName,
             Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime)
        VALUES
            (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
             @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime);
        SET inserted = ROW_COUNT();
    END IF;

    IF inserted > 0 THEN
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;

    SELECT inserted AS Inserted;
END
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- UpdateMembershipKey
--   params : DeploymentId, Address, Port, Generation, Status, SuspectTimes, IAmAliveTime,
--            Version (expected table version)
--   returns: one row, one column: 1 = updated and table version bumped, 0 = no change.
--   One multi-table UPDATE changes the member row and the version row atomically; the
--   version always changes, so ROW_COUNT() > 0 is independent of UseAffectedRows.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
UPDATE OrleansMembershipVersionTable AS v
INNER JOIN OrleansMembershipTable AS m
    ON m.DeploymentId = v.DeploymentId
SET v.Version = v.Version + 1,
    v.UpdatedOn = UTC_TIMESTAMP(3),
    m.Status = @Status,
    m.SuspectTimes = @SuspectTimes,
    m.IAmAliveTime = @IAmAliveTime
WHERE v.DeploymentId = @DeploymentId
  AND v.Version = @Version
  AND m.Address = @Address
  AND m.Port = @Port
  AND m.Generation = @Generation;
SELECT ROW_COUNT() > 0 AS Updated;
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- UpdateIAmAlivetimeKey   (note the lower-case t: that is the key Orleans asks for)
--   params : DeploymentId, Address, Port, Generation, IAmAliveTime
--   returns: nothing (executed as non-query); does not touch the table version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- GatewaysQueryKey
--   params : DeploymentId, Status (Orleans passes 3 = Active)
--   columns: Address, ProxyPort, Generation  (one row per gateway)
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
SELECT
    Address,
    ProxyPort,
    Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- DeleteMembershipTableEntriesKey
--   params : DeploymentId
--   returns: nothing; removes the cluster (members first because of the foreign key).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable
WHERE DeploymentId = @DeploymentId;
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- CleanupDefunctSiloEntriesKey  (required; 10.4.2 uses it only when CleanupDefunctSiloEntryKey is absent)
--   params : DeploymentId, IAmAliveTime (cut-off, UTC)
--   returns: nothing; deletes non-active rows not heard from since the cut-off.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND IAmAliveTime < @IAmAliveTime
  AND Status <> 3
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- CleanupDefunctSiloEntryKey  (optional in 10.4.2; when present the provider reads all rows,
--   picks Dead rows whose StartTime, IAmAliveTime and suspect votes are older than the cut-off,
--   and deletes each one with this query only if it is unchanged since it was read)
--   params : DeploymentId, Address, Port, Generation, SuspectTimes, StartTime, IAmAliveTime
--   returns: nothing.
--   NULL and empty SuspectTimes are treated as equal (Orleans reads both back as "no votes").
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, SPACE(0)) = COALESCE(@SuspectTimes, SPACE(0))
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
