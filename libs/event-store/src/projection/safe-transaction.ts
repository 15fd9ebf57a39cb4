import type { DataSource, EntityManager } from 'typeorm';

/**
 * `dataSource.transaction(work)`, made safe on SQLite after a failed commit or statement. SQLite rolls a
 * transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR); TypeORM's own ROLLBACK then
 * fails and it goes on believing a transaction is open, so its next "transaction" is a SAVEPOINT inside a
 * real transaction that never commits: the read database stays locked and nothing is saved again until a
 * restart (found by test/faults/disk-full.e2e-spec.ts). After a failure, this ends whatever is open on
 * the connection and clears TypeORM's belief.
 */
export async function safeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    if (dataSource.options.type === 'better-sqlite3') resetSqliteTransaction(dataSource);
    throw error;
  }
}

interface SqliteInternals {
  readonly databaseConnection?: { readonly inTransaction: boolean; exec(sql: string): unknown };
  readonly queryRunner?: { isTransactionActive: boolean; transactionDepth: number };
}

function resetSqliteTransaction(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as SqliteInternals;
  try {
    if (driver.databaseConnection?.inTransaction) driver.databaseConnection.exec('ROLLBACK');
  } catch {
    // Nothing open after all: the flags below are what matters.
  }
  if (driver.queryRunner) {
    driver.queryRunner.isTransactionActive = false;
    driver.queryRunner.transactionDepth = 0;
  }
}
