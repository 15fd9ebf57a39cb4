import { isErased, json, table, type Projection, type RecordedEvent } from '#event-store';
import type { BoardConfigured, MemberAppointed, MemberStoodDown, Tag } from '../../domain/index.js';

type BoardOverviewEvent = BoardConfigured | MemberAppointed | MemberStoodDown;

export const CONFIG = table({
  name: 'board_config',
  columns: {
    tenant_id: 'text',
    name: 'text',
    council: 'text',
    jurisdiction: 'text',
    quorum: 'integer',
    terms_of_reference: 'text',
    themes: json<Tag[]>(),
    principles: json<Tag[]>(),
    configured_at: 'text',
    updated_at: 'text',
  },
  primaryKey: ['tenant_id'],
});

export const MEMBERS = table({
  name: 'board_members',
  columns: {
    tenant_id: 'text',
    member_id: 'text',
    name: { type: 'text', nullable: true },
    name_erased: 'boolean',
    terms: 'integer',
  },
  primaryKey: ['tenant_id', 'member_id'],
});

export const TERMS = table({
  name: 'board_member_terms',
  columns: {
    tenant_id: 'text',
    member_id: 'text',
    term_no: 'integer',
    role: 'text',
    appointed_on: 'text',
    stood_down_on: { type: 'text', nullable: true },
    stood_down_reason: { type: 'text', nullable: true },
  },
  primaryKey: ['tenant_id', 'member_id', 'term_no'],
});

/**
 * The board as configured, and its members with every term they served (history kept: a member who
 * stood down and came back has two terms). Names arrive decrypted; an erased name is stored as null.
 */
export const boardOverviewProjection: Projection = {
  name: 'board_overview',
  version: 1,
  eventTypes: ['BoardConfigured', 'MemberAppointed', 'MemberStoodDown'],
  streamPrefixes: ['board-'],
  tables: [CONFIG, MEMBERS, TERMS],
  async apply(recorded: RecordedEvent, tx) {
    const tenant_id = recorded.metadata.tenantId;
    const event = { type: recorded.type, data: recorded.data } as BoardOverviewEvent;
    switch (event.type) {
      case 'BoardConfigured': {
        const { name, council, jurisdiction, quorum, termsOfReference, themes, principles, at } = event.data;
        const existing = await tx.findOne(CONFIG, { tenant_id });
        await tx.upsert(CONFIG, {
          tenant_id,
          name,
          council,
          jurisdiction,
          quorum,
          terms_of_reference: termsOfReference,
          themes: themes.map((t) => ({ code: t.code, label: t.label })),
          principles: principles.map((p) => ({ code: p.code, label: p.label })),
          configured_at: existing?.configured_at ?? at,
          updated_at: at,
        });
        return;
      }
      case 'MemberAppointed': {
        const { memberId: member_id, role, appointedOn } = event.data;
        const erased = isErased(event.data.name as unknown);
        const name = typeof event.data.name === 'string' ? event.data.name : null;
        const existing = await tx.findOne(MEMBERS, { tenant_id, member_id });
        const term_no = existing ? existing.terms + 1 : 1;
        await tx.upsert(MEMBERS, { tenant_id, member_id, name, name_erased: erased, terms: term_no });
        await tx.insert(TERMS, { tenant_id, member_id, term_no, role, appointed_on: appointedOn });
        return;
      }
      case 'MemberStoodDown': {
        const { memberId: member_id, on, reason } = event.data;
        const member = await tx.findOne(MEMBERS, { tenant_id, member_id });
        if (!member) return;
        await tx.update(
          TERMS,
          { tenant_id, member_id, term_no: member.terms },
          { stood_down_on: on, stood_down_reason: reason },
        );
        return;
      }
    }
  },
};
