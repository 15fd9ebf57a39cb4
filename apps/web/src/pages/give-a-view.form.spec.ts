import { checkViewFields, readViewForm, toGiveViewRequest } from './give-a-view.form.js';

describe('the give-a-view form', () => {
  it('keeps only what the form offers (deny by default)', () => {
    const fields = readViewForm(
      {
        text: 'Line one\r\nline two',
        about: 'not-an-open-call',
        themes: ['health', 'free text with a name in it'],
        sharing: 'everyone',
        ageBand: '99',
        careStatus: 'in-care',
        inviteCode: '  XK4M-9TQ2  ',
        extra: 'dropped',
      },
      ['call-1'],
    );
    expect(fields).toEqual({
      text: 'Line one\nline two',
      about: '',
      themes: ['health'],
      sharing: 'summary-only',
      ageBand: '',
      careStatus: 'in-care',
      inviteCode: 'XK4M-9TQ2',
    });
  });

  it('says what is wrong in catalogue keys: no words, too many, an invite code the board asks for', () => {
    const empty = readViewForm({ text: '   ' }, []);
    expect(checkViewFields(empty, false)).toEqual([{ field: 'text', message: 'give.textRequired' }]);
    const long = readViewForm({ text: 'x'.repeat(5001) }, []);
    expect(checkViewFields(long, false)).toEqual([{ field: 'text', message: 'give.textTooLong' }]);
    const noCode = readViewForm({ text: 'Hello' }, []);
    expect(checkViewFields(noCode, true)).toEqual([{ field: 'inviteCode', message: 'give.inviteNeeded' }]);
    expect(checkViewFields(noCode, false)).toEqual([]);
  });

  it('gives GiveView only the fields a young person filled in', () => {
    const fields = readViewForm({ text: 'Hello', about: 'call-1', themes: 'health' }, ['call-1']);
    expect(toGiveViewRequest(fields)).toEqual({
      text: 'Hello',
      sharing: 'summary-only',
      themes: ['health'],
      target: { kind: 'call', callId: 'call-1' },
    });
  });
});
