-- =====================================================================================
-- ProctorWise :: Orleans ADO.NET schema for MariaDB 10.11 -- 004-reminders.sql
--
-- Written for the ProctorWise project (own work, not copied from the Orleans repository).
-- Implements the reminder-table contract of Microsoft.Orleans.Reminders.AdoNet 10.4.2
-- with MySqlConnector (invariant "MySql.Data.MySqlConnector"). Requires 001-main.sql.
-- Idempotent: tables are created if missing, query rows are upserted.
--
-- Contract summary:
--   Required keys: ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key,
--                  UpsertReminderRowKey, DeleteReminderRowKey, DeleteReminderRowsKey
--   Row columns read by Orleans: GrainId, ReminderName, StartTime, Period (read as Int64), Version
--   GrainId is GrainId.ToString() (e.g. "examsession/1234"); GrainHash is the grain's uniform
--   hash as a *signed* INT. Orleans picks ReadRangeRows1Key when (int)BeginHash < (int)EndHash
--   (plain range) and ReadRangeRows2Key otherwise (wrapping range); both are (Begin, End].
--   Period is bound as Int32 milliseconds, or Int64 when it exceeds Int32.MaxValue.
-- =====================================================================================

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    VARCHAR(150) NOT NULL,
    GrainId      VARCHAR(300) NOT NULL,
    ReminderName VARCHAR(150) NOT NULL,
    StartTime    DATETIME(3)  NOT NULL,
    Period       BIGINT       NOT NULL,
    GrainHash    INT          NOT NULL,
    Version      INT          NOT NULL,

    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName),
    INDEX IX_OrleansRemindersTable_GrainHash (ServiceId, GrainHash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- ReadReminderRowsKey
--   params : ServiceId, GrainId
--   columns: GrainId, ReminderName, StartTime, Period, Version (0..n rows)
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT
    GrainId,
    ReminderName,
    StartTime,
    Period,
    Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- ReadReminderRowKey
--   params : ServiceId, GrainId, ReminderName
--   columns: GrainId, ReminderName, StartTime, Period, Version (0..1 row)
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT
    GrainId,
    ReminderName,
    StartTime,
    Period,
    Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId
  AND ReminderName = @ReminderName
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- ReadRangeRows1Key  (non-wrapping range: BeginHash < EndHash as signed ints)
--   params : ServiceId, BeginHash, EndHash
--   columns: GrainId, ReminderName, StartTime, Period, Version
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT
    GrainId,
    ReminderName,
    StartTime,
    Period,
    Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainHash > @BeginHash
  AND GrainHash <= @EndHash
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- ReadRangeRows2Key  (wrapping range: BeginHash >= EndHash as signed ints)
--   params : ServiceId, BeginHash, EndHash
--   columns: GrainId, ReminderName, StartTime, Period, Version
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT
    GrainId,
    ReminderName,
    StartTime,
    Period,
    Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- UpsertReminderRowKey
--   params : ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash
--   returns: one row, column Version = the row version after the upsert (1 on insert, +1 on update).
--   Insert-or-update and the read-back run in one transaction: the row lock taken by the upsert
--   guarantees the returned Version is the one this call produced.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
BEGIN NOT ATOMIC
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
    ON DUPLICATE KEY UPDATE
        StartTime = VALUES(StartTime),
        Period = VALUES(Period),
        GrainHash = VALUES(GrainHash),
        Version = Version + 1;

    SELECT Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName;

    COMMIT;
END
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- DeleteReminderRowKey
--   params : ServiceId, GrainId, ReminderName, Version (the ETag Orleans holds)
--   returns: one row, one column: 1 = deleted, 0 = not found or version mismatch.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId
  AND ReminderName = @ReminderName
  AND Version = @Version;
SELECT ROW_COUNT() > 0 AS Deleted;
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);

-- DeleteReminderRowsKey
--   params : ServiceId
--   returns: nothing; removes every reminder of the service (used by tests / TestOnlyClearTable).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
