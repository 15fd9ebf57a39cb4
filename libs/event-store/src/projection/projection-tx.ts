import type { EntityManager, ObjectLiteral, WhereExpressionBuilder } from 'typeorm';
import type { Projection, ProjectionTable, ProjectionTx, Row } from './projection.js';
import {
  columnSpec,
  decodeRow,
  encodeRow,
  encodeValue,
  physicalTableName,
  type SqlDialect,
} from './projection-schema.js';

/** `ProjectionTx` over one TypeORM transaction, writing the tables of one version of a projection. */
export class TableWriter implements ProjectionTx {
  private readonly tables: ReadonlyMap<string, ProjectionTable>;

  constructor(
    readonly manager: EntityManager,
    private readonly dialect: SqlDialect,
    projection: Projection,
    private readonly version: number,
  ) {
    this.tables = new Map(projection.tables.map((table) => [table.name, table]));
  }

  table(logical: string): string {
    this.definition(logical);
    return physicalTableName(logical, this.version);
  }

  async insert(table: string, row: Row): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(this.table(table))
      .values(encodeRow(this.dialect, this.definition(table), row))
      .execute();
  }

  async upsert(table: string, row: Row): Promise<void> {
    const definition = this.definition(table);
    const others = Object.keys(row).filter((column) => !definition.primaryKey.includes(column));
    const query = this.manager
      .createQueryBuilder()
      .insert()
      .into(this.table(table))
      .values(encodeRow(this.dialect, definition, row));
    if (others.length === 0) query.orIgnore();
    else query.orUpdate(others, [...definition.primaryKey]);
    await query.execute();
  }

  async increment(table: string, key: Row, column: string, by = 1, init: Row = {}): Promise<void> {
    const definition = this.definition(table);
    const target = this.manager.connection.driver.escape(column);
    const changed = await this.whereRow(
      this.manager
        .createQueryBuilder()
        .update(this.table(table))
        .set({ [column]: () => `${target} + ${Number(by)}` }),
      definition,
      key,
    ).execute();
    if ((changed.affected ?? 0) === 0) await this.insert(table, { ...init, ...key, [column]: by });
  }

  async update(table: string, where: Row, set: Row): Promise<number> {
    const definition = this.definition(table);
    const result = await this.whereRow(
      this.manager
        .createQueryBuilder()
        .update(this.table(table))
        .set(encodeRow(this.dialect, definition, set)),
      definition,
      where,
    ).execute();
    return result.affected ?? 0;
  }

  async delete(table: string, where: Row): Promise<number> {
    const definition = this.definition(table);
    const result = await this.whereRow(
      this.manager.createQueryBuilder().delete().from(this.table(table)),
      definition,
      where,
    ).execute();
    return result.affected ?? 0;
  }

  async findOne(table: string, where: Row): Promise<Row | undefined> {
    const rows = await this.select(table, where, 1);
    return rows[0];
  }

  find(table: string, where: Row = {}): Promise<Row[]> {
    return this.select(table, where);
  }

  private async select(table: string, where: Row, limit?: number): Promise<Row[]> {
    const definition = this.definition(table);
    const query = this.whereRow(
      this.manager.createQueryBuilder().select('*').from(this.table(table), 't'),
      definition,
      where,
    );
    if (limit !== undefined) query.limit(limit);
    const raw: Record<string, unknown>[] = await query.getRawMany();
    return raw.map((row) => decodeRow(definition, row));
  }

  /** AND of `column = value` (or IS NULL), with named parameters so both dialects bind them. */
  private whereRow<Q extends WhereExpressionBuilder>(query: Q, definition: ProjectionTable, where: Row): Q {
    const escape = (name: string): string => this.manager.connection.driver.escape(name);
    Object.entries(where).forEach(([column, value], index) => {
      const encoded = encodeValue(this.dialect, columnSpec(definition, column), value);
      const clause = encoded === null ? `${escape(column)} IS NULL` : `${escape(column)} = :w${index}`;
      const parameters: ObjectLiteral = encoded === null ? {} : { [`w${index}`]: encoded };
      if (index === 0) query.where(clause, parameters);
      else query.andWhere(clause, parameters);
    });
    return query;
  }

  private definition(logical: string): ProjectionTable {
    const table = this.tables.get(logical);
    if (!table) throw new Error(`projection has no table ${logical}`);
    return table;
  }
}
