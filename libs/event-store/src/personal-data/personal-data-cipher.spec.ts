import { InMemorySubjectKeyStore } from './in-memory-subject-key-store.js';
import { openSealedLeniently, openValue, PersonalDataCipher, sealedSubjects } from './personal-data-cipher.js';
import type { PersonalDataPolicy } from './personal-data-policy.js';
import { PersonalDataCorrupted } from './personal-data.errors.js';
import { ERASED, isErased, isSealed, isUnreadable, UNREADABLE, type SealedValue } from './sealed-value.js';

interface ContributionSubmitted {
  readonly contributionId: string;
  readonly authorId: string;
  readonly words: string;
  readonly author: { readonly name: string; readonly ageBand: string };
  readonly tags: readonly string[];
}

interface AttendanceRecorded {
  readonly meetingId: string;
  readonly youngPersonId: string;
  readonly attendees: readonly { readonly name: string; readonly role: string }[];
}

const policy: PersonalDataPolicy = {
  ContributionSubmitted: (data: ContributionSubmitted) => ({
    subject: data.authorId,
    paths: ['words', 'author.name', 'missing.field'],
  }),
  AttendanceRecorded: (data: AttendanceRecorded) => ({ subject: data.youngPersonId, paths: ['attendees.*.name'] }),
  MaybePersonal: (data: { personal?: boolean }) => (data.personal ? { subject: 'yp-9', paths: ['x'] } : undefined),
};

const contribution: ContributionSubmitted = {
  contributionId: 'c-1',
  authorId: 'yp-1',
  words: 'I want my social worker to call back — ça me dérange 🙂',
  author: { name: 'Amira Khan', ageBand: '14-15' },
  tags: ['housing', 'school'],
};

function setup() {
  const keys = new InMemorySubjectKeyStore();
  return { keys, cipher: new PersonalDataCipher(policy, keys) };
}

async function keysFor(keys: InMemorySubjectKeyStore, data: unknown) {
  return keys.getMany([...sealedSubjects(data)]);
}

describe('PersonalDataCipher', () => {
  it('seals the personal fields and opens them back to the same data', async () => {
    const { keys, cipher } = setup();
    const sealed = (await cipher.seal('ContributionSubmitted', contribution)) as Record<string, unknown>;
    expect(isSealed(sealed['words'])).toBe(true);
    expect(isSealed((sealed['author'] as Record<string, unknown>)['name'])).toBe(true);
    expect(cipher.open(sealed, await keysFor(keys, sealed))).toEqual(contribution);
  });

  it('leaves no plaintext of a personal field in the sealed form', async () => {
    const { cipher } = setup();
    const text = JSON.stringify(await cipher.seal('ContributionSubmitted', contribution));
    expect(text).not.toContain('social worker');
    expect(text).not.toContain('Amira');
    expect(text).toContain('"yp-1"'); // the subject id is pseudonymous and must stay readable
  });

  it('leaves non-personal fields untouched and never mutates its input', async () => {
    const { cipher } = setup();
    const input = structuredClone(contribution);
    const sealed = (await cipher.seal('ContributionSubmitted', input)) as Record<string, unknown>;
    expect(input).toEqual(contribution);
    expect(sealed['contributionId']).toBe('c-1');
    expect(sealed['tags']).toEqual(['housing', 'school']);
    expect((sealed['author'] as Record<string, unknown>)['ageBand']).toBe('14-15');
    expect(Object.keys(sealed).sort()).toEqual(Object.keys(contribution).sort());
  });

  it('seals nested paths through arrays', async () => {
    const { keys, cipher } = setup();
    const data: AttendanceRecorded = {
      meetingId: 'm-1',
      youngPersonId: 'yp-2',
      attendees: [
        { name: 'Jo Bloggs', role: 'young-person' },
        { name: 'Sam Smith', role: 'young-person' },
      ],
    };
    const sealed = (await cipher.seal('AttendanceRecorded', data)) as AttendanceRecorded;
    expect(sealed.attendees.map((a) => isSealed(a.name))).toEqual([true, true]);
    expect(sealed.attendees.map((a) => a.role)).toEqual(['young-person', 'young-person']);
    expect(JSON.stringify(sealed)).not.toMatch(/Jo Bloggs|Sam Smith/);
    expect(cipher.open(sealed, await keysFor(keys, sealed))).toEqual(data);
  });

  it('returns data unchanged for event types without personal data', async () => {
    const { keys, cipher } = setup();
    const data = { meetingId: 'm-1' };
    expect(await cipher.seal('MeetingScheduled', data)).toBe(data);
    expect(await cipher.seal('MaybePersonal', { personal: false })).toEqual({ personal: false });
    expect(await keys.getMany(['yp-9'])).toEqual(new Map());
  });

  it('round-trips any JSON value, not only strings', async () => {
    const { keys, cipher } = setup();
    for (const x of [null, 0, false, 'text', [1, 'two'], { deep: { er: true } }]) {
      const sealed = await cipher.seal('MaybePersonal', { personal: true, x });
      expect(isSealed((sealed as { x: unknown }).x)).toBe(true);
      expect(cipher.open(sealed, await keysFor(keys, sealed))).toEqual({ personal: true, x });
    }
  });

  it('uses a fresh IV each time: the same words seal differently', async () => {
    const { cipher } = setup();
    const a = (await cipher.seal('ContributionSubmitted', contribution)) as { words: SealedValue };
    const b = (await cipher.seal('ContributionSubmitted', contribution)) as { words: SealedValue };
    expect(a.words.$pd.iv).not.toBe(b.words.$pd.iv);
    expect(a.words.$pd.ct).not.toBe(b.words.$pd.ct);
  });

  it('reads an erased subject as the ERASED marker, never an exception, and keeps the other fields', async () => {
    const { keys, cipher } = setup();
    const mine = await cipher.seal('ContributionSubmitted', contribution);
    const theirs = await cipher.seal('ContributionSubmitted', { ...contribution, authorId: 'yp-3' });
    await keys.destroy('yp-1');
    const available = await keys.getMany(['yp-1', 'yp-3']);
    const opened = cipher.open({ mine, theirs }, available) as {
      mine: ContributionSubmitted;
      theirs: ContributionSubmitted;
    };
    expect(opened.mine.words).toEqual(ERASED);
    expect(isErased(opened.mine.author.name)).toBe(true);
    expect(opened.mine.author.ageBand).toBe('14-15');
    expect(opened.mine.contributionId).toBe('c-1');
    expect(opened.theirs.words).toBe(contribution.words);
  });

  it('opens sealed values wherever they sit in the tree', async () => {
    const { keys, cipher } = setup();
    const sealed = (await cipher.seal('ContributionSubmitted', contribution)) as { words: unknown };
    const moved = { v2: { list: [{ said: sealed.words }] } };
    expect(cipher.open(moved, await keysFor(keys, moved))).toEqual({ v2: { list: [{ said: contribution.words }] } });
  });

  it.each([
    ['ciphertext', 'ct'],
    ['auth tag', 'tag'],
    ['IV', 'iv'],
  ] as const)('throws a clear error when the %s was tampered with', async (_what, field) => {
    const { keys, cipher } = setup();
    const sealed = (await cipher.seal('ContributionSubmitted', contribution)) as { words: SealedValue };
    const bytes = Buffer.from(sealed.words.$pd[field], 'base64');
    bytes[0]! ^= 0x01;
    const tampered = { ...sealed, words: { $pd: { ...sealed.words.$pd, [field]: bytes.toString('base64') } } };
    const available = await keysFor(keys, tampered);
    expect(() => cipher.open(tampered, available)).toThrow(PersonalDataCorrupted);
    expect(() => cipher.open(tampered, available)).toThrow(/failed authentication.*not an erasure/);
  });

  it('opens leniently for reading the log: a key that does not unwrap or an altered value reads as UNREADABLE', async () => {
    const { keys, cipher } = setup();
    const mine = (await cipher.seal('ContributionSubmitted', contribution)) as { words: SealedValue };
    const foreign = await cipher.seal('ContributionSubmitted', { ...contribution, authorId: 'yp-foreign' });
    const erased = await cipher.seal('ContributionSubmitted', { ...contribution, authorId: 'yp-gone' });
    await keys.destroy('yp-gone');
    const ct = Buffer.from(mine.words.$pd.ct, 'base64');
    ct[0]! ^= 0x01;
    const altered = { ...mine, words: { $pd: { ...mine.words.$pd, ct: ct.toString('base64') } } };
    const available = await keys.getMany(['yp-1']);
    const unreadableSubjects = new Set(['yp-foreign']);
    const open = (data: unknown) => {
      const reasons: string[] = [];
      const opened = openSealedLeniently(data, available, unreadableSubjects, (why) => reasons.push(why));
      return { opened: opened as ContributionSubmitted, reasons };
    };

    expect(open(mine)).toEqual({ opened: contribution, reasons: [] });
    const fromForeign = open(foreign);
    expect(fromForeign.opened.words).toEqual(UNREADABLE);
    expect(isUnreadable(fromForeign.opened.author.name)).toBe(true);
    expect(isErased(fromForeign.opened.words)).toBe(false);
    expect(fromForeign.opened.author.ageBand).toBe('14-15');
    expect(fromForeign.reasons).toEqual(['key', 'key']);
    const fromAltered = open(altered);
    expect(fromAltered.opened.words).toEqual(UNREADABLE);
    expect(fromAltered.opened.author.name).toBe(contribution.author.name);
    expect(fromAltered.reasons).toEqual(['value']);
    // Erasure is not unreadability: no reason given.
    expect(open(erased)).toMatchObject({ opened: { words: ERASED }, reasons: [] });
  });

  it('binds a sealed value to its subject: relabelled, it does not open even under the right key', async () => {
    const { keys, cipher } = setup();
    const a = (await cipher.seal('ContributionSubmitted', contribution)) as { words: SealedValue };
    const key = await keys.getOrCreate('yp-1');
    expect(openValue(a.words, key)).toBe(contribution.words);
    expect(() => openValue({ $pd: { ...a.words.$pd, s: 'yp-4' } }, key)).toThrow(PersonalDataCorrupted);
  });

  it('rejects a policy that names no subject', async () => {
    const cipher = new PersonalDataCipher(
      { Bad: () => ({ subject: '', paths: ['x'] }) },
      new InMemorySubjectKeyStore(),
    );
    await expect(cipher.seal('Bad', { x: 1 })).rejects.toThrow(/policy for Bad gave no subject/);
  });
});
