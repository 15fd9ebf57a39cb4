import { InvalidInput } from '#kernel';
import { DEFAULT_SAFEGUARDING_RULES } from './default-safeguarding-rules.js';
import { checkSafeguardingRules, screen, type SafeguardingRule } from './screen.js';

// Written the way children and young people write: lower case, no punctuation, text-speak, leetspeak,
// stretched letters and misspellings. Each must flag, with (at least) the category named.
const DISCLOSURES: ReadonlyArray<readonly [string, string]> = [
  // suicide
  ['i just want to die', 'suicide'],
  ['sometimes i wanna die tbh', 'suicide'],
  ['i want 2 die', 'suicide'],
  ['im gonna kill myself', 'suicide'],
  ['kms honestly nobody listens', 'suicide'],
  ['i think about sucide alot', 'suicide'],
  ['ive been feeling suicidal since the move', 'suicide'],
  ['everyone would be better off without me', 'suicide'],
  ['i dont want to be alive anymore', 'suicide'],
  ['i want to unalive myself', 'suicide'],
  ['I WANT TO DIEEEE', 'suicide'],
  ['gonna k1ll my self', 'suicide'],
  ['wanna d!e', 'suicide'],
  ['i took loads of paracetamol last week', 'suicide'],
  // self-harm
  ['i cut myself when it gets bad', 'self-harm'],
  ['been cutting my arms again', 'self-harm'],
  ['i self-harm', 'self-harm'],
  ['relapsed sh last night', 'self-harm'],
  ['i hurt myself so i can feel something', 'self-harm'],
  ['i burn myself with a lighter', 'self-harm'],
  ['i cut myself a lot', 'self-harm'],
  ['i sh', 'self-harm'],
  // harm
  ['he hits me', 'harm'],
  ['my stepdad hits me when hes drunk', 'harm'],
  ["mum's boyfriend punched me", 'harm'],
  ['dad beats us', 'harm'],
  ['she always slaps me', 'harm'],
  ['he hurts me when mum is at work', 'harm'],
  ['i dont feel safe at home', 'harm'],
  ['im not safe at home', 'harm'],
  ['im scared to go home', 'harm'],
  ['im scarred to go home', 'harm'],
  ['he said he would stab me', 'harm'],
  ['dad threw a chair at me', 'harm'],
  ['my dad hits my mum', 'harm'],
  ['he hitt me', 'harm'],
  ['i am scared of my foster carer', 'harm'],
  ['i got jumped by some lads', 'harm'],
  // abuse
  ['my uncle touches me', 'abuse'],
  ['he touched me down there', 'abuse'],
  ['he made me do things i didnt want to', 'abuse'],
  ['he said its our little secret', 'abuse'],
  ['i was raped', 'abuse'],
  ['my mums boyfriend comes into my room at night', 'abuse'],
  ['dad calls me worthless and says he wishes i was never born', 'abuse'],
  ['he is abusive to my mum', 'abuse'],
  ['they said they will hurt my family if i tell', 'abuse'],
  // neglect
  ['nobody feeds us', 'neglect'],
  ['no1 feeds us at home', 'neglect'],
  ['theres no food in the house again', 'neglect'],
  ['mum leaves us on our own for days', 'neglect'],
  ['i go to bed hungry most nights', 'neglect'],
  ['we have no electric at home', 'neglect'],
  ['mum is always drunk and doesnt get up', 'neglect'],
  ['nobody looks after us', 'neglect'],
  ['mum forgets to feed us', 'neglect'],
  // running away
  ['i ran away from my placement last week', 'running-away'],
  ['gonna run away again', 'running-away'],
  ['if they move me again im running away', 'running-away'],
  ['i went missing for 3 days', 'running-away'],
  ['police reported me missing', 'running-away'],
  ['i keep going missing', 'running-away'],
  ['i slept in the park', 'running-away'],
  ['mum kicked me out', 'running-away'],
  ['thinking of running away', 'running-away'],
  // exploitation
  ['older boys give me stuff', 'exploitation'],
  ['older lads give me weed and lifts', 'exploitation'],
  ['they make me carry stuff for them', 'exploitation'],
  ['im going country next week', 'exploitation'],
  ['i owe them money and they said i have to work it off', 'exploitation'],
  ['a man i met online asked me for nudes', 'exploitation'],
  ['he sends me money and says not to tell', 'exploitation'],
  ['they take me to parties with older men', 'exploitation'],
  ['someone online is threatening to share my pics', 'exploitation'],
  ['older boys gave me a new phone', 'exploitation'],
  ['he makes me send pics', 'exploitation'],
  ['my boyfriend is 24 and im 14', 'exploitation'],
  // online harm
  ['someone from snap is blackmailing me with my pics', 'online-harm'],
  ['a man on roblox keeps asking for pics of my body', 'online-harm'],
  ['people keep messaging me telling me to kill myself', 'online-harm'],
  ['a stranger online asked where i live and wants to meet', 'online-harm'],
  ['they posted a video of me getting beaten up', 'online-harm'],
];

// Everyday words that sit close to a disclosure. None may flag.
const NEAR_MISSES: readonly string[] = [
  "I'd die for a better bus service",
  'my mate hit a home run at rounders',
  "I'm killing it at school this year",
  'the run away train song is my favourite',
  'my phone died in the middle of the meeting',
  'this homework is killing me lol',
  'I nearly died laughing at the youth club',
  'we walked 5 kms for charity',
  'i want to dye my hair blue',
  'my foster carer makes me do my homework before tea',
  'the ball hit me in the face in PE',
  'my dad hits the gym every morning',
  'we beat them 3-0 on saturday',
  'my PE kit went missing again',
  "I'm missing my little brother",
  'our dog ran away last summer but came back',
  'we watched home alone at christmas',
  'I finally feel safe at home',
  "I'm scared of spiders and the dark",
  'it really hurts me when my social worker changes again',
  'we watched suicide squad',
  "I'm starving can we have pizza at the next meeting",
  'dead good youth club',
  "it hits me that I've been in care for 5 years",
  'older kids at cicc give us good advice',
  'my carer hurt her back lifting boxes',
  "I'd kill for a chippy tea",
  'we ran away with the match in the second half',
  'my brother always beats me at fifa',
  'I nearly killed myself laughing at the panto',
  "we're going to die of boredom at these meetings",
  'I cut my hair myself',
  "I don't want to live with my dad again",
  'got kicked out of class for talking',
  'my grades are always high',
  'i was missing my mum at christmas',
  'she hit me up last night',
  'hit me back on snap later',
  'our cat went missing',
  'my social worker dropped me off at home',
];

describe('safeguarding screen: the default rules', () => {
  it.each(DISCLOSURES)('flags %j as %s', (text, category) => {
    const result = screen(text, DEFAULT_SAFEGUARDING_RULES);
    expect(result.flagged).toBe(true);
    expect(result.matchedCategories).toContain(category);
  });

  it.each(NEAR_MISSES)('does not flag %j', (text) => {
    expect(screen(text, DEFAULT_SAFEGUARDING_RULES)).toEqual({ flagged: false, matchedCategories: [] });
  });

  it('covers every default category with at least 5 disclosures, 40 in all, and 20 near misses', () => {
    const categories = DEFAULT_SAFEGUARDING_RULES.map((rule) => rule.category);
    for (const category of categories) {
      expect(DISCLOSURES.filter(([, c]) => c === category).length).toBeGreaterThanOrEqual(5);
    }
    expect(DISCLOSURES.length).toBeGreaterThanOrEqual(40);
    expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(20);
  });

  it('has 100% precision and recall on the listed examples', () => {
    const flaggedDisclosures = DISCLOSURES.filter(([text]) => screen(text, DEFAULT_SAFEGUARDING_RULES).flagged);
    const flaggedNearMisses = NEAR_MISSES.filter((text) => screen(text, DEFAULT_SAFEGUARDING_RULES).flagged);
    const precision = flaggedDisclosures.length / (flaggedDisclosures.length + flaggedNearMisses.length);
    const recall = flaggedDisclosures.length / DISCLOSURES.length;
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });
});

describe('safeguarding screen: reading how young people write', () => {
  const rules: SafeguardingRule[] = [{ category: 'suicide', phrases: ['want to die'], patterns: [] }];

  it.each([
    'I WANT TO DIE',
    'i want to die!!!',
    'i   want\nto\tdie',
    'i wanna die',
    'i want 2 die',
    'i w4nt t0 d13',
    'i waaaant to dieeee',
    'ｉ ｗａｎｔ ｔｏ ｄｉｅ', // full-width letters (NFKC)
    'i want to dïe', // accents
    'i want to d\u200bie', // a zero-width space hidden in a word
  ])('reads %j as the phrase', (text) => {
    expect(screen(text, rules).flagged).toBe(true);
  });

  it('reads a leetspeak 1 as i or l', () => {
    const kill: SafeguardingRule[] = [{ category: 'suicide', phrases: ['kill myself'], patterns: [] }];
    expect(screen('k1ll myself', kill).flagged).toBe(true);
    expect(screen('ki11 myself', kill).flagged).toBe(true);
    expect(screen('kil myself', kill).flagged).toBe(true);
  });

  it('matches phrases and patterns only on whole words', () => {
    const rule: SafeguardingRule[] = [{ category: 'harm', phrases: ['hit me'], patterns: ['rap(?:e|ed)'] }];
    expect(screen('white mess', rule).flagged).toBe(false);
    expect(screen('he hit medium hard', rule).flagged).toBe(false);
    expect(screen('he hit me', rule).flagged).toBe(true);
    expect(screen('grapes and drapes', rule).flagged).toBe(false);
    expect(screen('i was raped', rule).flagged).toBe(true);
  });

  it('does not flag empty text', () => {
    expect(screen('', DEFAULT_SAFEGUARDING_RULES).flagged).toBe(false);
    expect(screen('   !!! ', DEFAULT_SAFEGUARDING_RULES).flagged).toBe(false);
  });

  it('reports each category once, in the order of the rules', () => {
    const result = screen('he hits me and i want to kill myself', DEFAULT_SAFEGUARDING_RULES);
    expect(result.matchedCategories).toEqual(['suicide', 'harm']);
  });
});

describe('safeguarding screen: configurable by the board', () => {
  // "the olders" is now in the default list, so the board's own slang is tested without it.
  const slang = 'im going ot this weekend';

  it('flags a phrase the board added, and not without it', () => {
    expect(screen(slang, DEFAULT_SAFEGUARDING_RULES).flagged).toBe(false);
    const local: SafeguardingRule[] = [
      ...DEFAULT_SAFEGUARDING_RULES,
      { category: 'exploitation', phrases: ['going OT'], patterns: [] },
    ];
    expect(screen(slang, local)).toEqual({ flagged: true, matchedCategories: ['exploitation'] });
  });

  it('flags a pattern the board added, in a category of its own', () => {
    const local: SafeguardingRule[] = [
      { category: 'radicalisation', phrases: [], patterns: ['join (?:them|the cause)'] },
    ];
    expect(screen('they keep asking me to join the cause', local)).toEqual({
      flagged: true,
      matchedCategories: ['radicalisation'],
    });
  });

  it('flags nothing with an empty list of rules', () => {
    for (const [text] of DISCLOSURES) expect(screen(text, []).flagged).toBe(false);
  });

  it('accepts the default rules', () => {
    expect(() => checkSafeguardingRules(DEFAULT_SAFEGUARDING_RULES)).not.toThrow();
  });

  it('refuses a broken list with every problem named', () => {
    let error: unknown;
    try {
      checkSafeguardingRules([
        { category: 'harm', phrases: ['!!!'], patterns: ['(unclosed'] },
        { category: 'Not A Code', phrases: 'hit me', patterns: ['x?'] },
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).errors.map((e) => e.field)).toEqual([
      'rules[0].phrases[0]',
      'rules[0].patterns[0]',
      'rules[1].category',
      'rules[1].phrases',
      'rules[1].patterns[0]',
    ]);
  });

  it('refuses to screen against a list that is not valid', () => {
    expect(() => screen('hello', [{ category: 'harm', phrases: [], patterns: ['[a-'] }])).toThrow(InvalidInput);
  });
});
