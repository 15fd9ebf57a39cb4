import { anonymise, REMOVED } from './anonymise.js';

describe('anonymise (the safety net after the moderator’s redactions)', () => {
  it.each([
    ['an email address', 'Email me at sam.jones+cpb@example.co.uk please', 'sam.jones+cpb@example.co.uk'],
    ['a web address', 'My page is https://example.org/me?id=3 and more', 'https://example.org/me?id=3'],
    ['a www address', 'see www.example.org/blog', 'www.example.org/blog'],
    ['a social media handle', 'follow @sam_j.22 for updates', '@sam_j.22'],
    ['a mobile number with spaces', 'ring 07700 900123 after school', '07700 900123'],
    ['a landline with +44', 'call +44 20 7946 0958 today', '+44 20 7946 0958'],
    ['a postcode', 'I live near NE1 4ST now', 'NE1 4ST'],
    ['a postcode without its space', 'I live near sw1a1aa now', 'sw1a1aa'],
  ])('removes %s', (_, text, detail) => {
    const result = anonymise(text);
    expect(result).not.toContain(detail);
    expect(result).toContain(REMOVED);
  });

  it('leaves ordinary words, ages, years and times alone', () => {
    const text = 'I am 15 and since 2024 I have moved 3 times; my social worker visits at 4.30 on Fridays.';
    expect(anonymise(text)).toBe(text);
  });
});
