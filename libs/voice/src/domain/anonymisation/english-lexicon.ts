/**
 * Which lower-case words are ordinary English, and which words English writes with a capital (people's
 * and places' names). Built from a Hunspell dictionary's word list (its stems; affixes are stripped
 * here instead of expanded), so the anonymiser can tell "my mate bex" (a name) from "my mate said".
 */
export interface EnglishLexicon {
  /** An ordinary word, written in lower case: "house", "isolation", "gutted". */
  isWord(lower: string): boolean;
  /** A word the dictionary only knows with a capital: "Tyler", "Eritrea". */
  isProperNoun(lower: string): boolean;
}

// Common endings, tried in turn on a word the list does not hold as it is.
const ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/'s$/u, ''],
  [/s'$/u, 's'],
  [/ies$/u, 'y'],
  [/es$/u, ''],
  [/s$/u, ''],
  [/ied$/u, 'y'],
  [/ed$/u, ''],
  [/ed$/u, 'e'],
  [/ing$/u, ''],
  [/ing$/u, 'e'],
  [/ly$/u, ''],
  [/er$/u, ''],
  [/est$/u, ''],
  [/n't$/u, ''],
];

export function lexiconFromHunspell(dic: string, extraWords: Iterable<string> = []): EnglishLexicon {
  const words = new Set<string>(extraWords);
  const proper = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const stem = line.split('/')[0]!.trim();
    if (!stem) continue;
    const first = stem[0]!;
    if (first !== first.toLowerCase()) proper.add(stem.toLowerCase());
    else words.add(stem);
  }
  const isWord = (lower: string): boolean => {
    if (words.has(lower)) return true;
    for (const [ending, replacement] of ENDINGS) {
      if (!ending.test(lower)) continue;
      const stem = lower.replace(ending, replacement);
      if (stem.length > 1 && words.has(stem)) return true;
    }
    return false;
  };
  return {
    isWord,
    isProperNoun: (lower) => proper.has(lower.replace(/'s$/u, '')) && !isWord(lower),
  };
}
