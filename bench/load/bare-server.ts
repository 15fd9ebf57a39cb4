// The baseline for bench:load and bench:growth: a bare NestJS app on Fastify, the same framework versions
// as the product, with one route doing what the goal names: `POST /views` takes a JSON body and writes it
// as one row in SQLite (WAL, synchronous=FULL: durable when answered), answering 201 with the row's id.
// No guards, pipes, logging, encryption or helmet: the framework and one durable insert on this machine.
// (`GET /` answers a tiny JSON object: the framework alone.) Run as its own process: PORT, HOST and
// BARE_DB (the SQLite file) from the environment.
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';

const db = new Database(process.env.BARE_DB ?? join(mkdtempSync(join(tmpdir(), 'cpb-bare-')), 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS views (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO views (body) VALUES (?)');

@Controller()
class BareController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }

  @Post('views')
  @HttpCode(201)
  give(@Body() body: unknown): { id: number } {
    return { id: Number(insert.run(JSON.stringify(body)).lastInsertRowid) };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: Number(process.env.PORT ?? 3001), host: process.env.HOST ?? '127.0.0.1' });
  const stop = (): void =>
    void app.close().then(() => {
      db.close();
      process.exit(0);
    });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
