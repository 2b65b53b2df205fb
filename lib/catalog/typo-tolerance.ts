/**
 * How far search goes to forgive a slip, as shoppers expect from any shop: one edit in a word of
 * 5+ letters ("herth" → "hearth"), two in a word of 8+ ("fishremen" → "fisherman"). An edit is a
 * letter missing, added or wrong, or two neighbouring letters swapped ("cnadle"). Shorter words
 * have too many neighbours to guess at ("cap" is one edit from "cup"), so they match only as
 * typed or as the start of a word. The catalogue's vocabulary lives in the search_words table
 * (db/migrations/0007_search_words_lexicon.sql), which stores variants for these same limits.
 */
export const ONE_EDIT_FROM_LETTERS = 5;
export const TWO_EDITS_FROM_LETTERS = 8;
/** Longer words are never corrected (no catalogue word is that long, and it bounds the work). */
export const LONGEST_CORRECTED_WORD = 24;
/** Words of this many characters also match as the start of a word ("lamb" → "lambswool"). */
export const SHORTEST_PREFIX = 3;
/** Words kept per typed word when several fit equally, so one word cannot flood a query. */
export const MAX_WORDS_MEANT = 5;

export type SearchWord = {
  /** Lower case letters and digits only, safe to quote inside a tsquery. */
  text: string;
  /** Written with a leading minus ("wool -cotton"): the shopper wants it left out. */
  excluded: boolean;
};

/**
 * The words of a search query, split the way PostgreSQL's websearch syntax reads them: a leading
 * "-" excludes a word, and anything that is not a letter or digit separates words.
 */
export function searchWords(query: string): SearchWord[] {
  const words: SearchWord[] = [];
  for (const chunk of query.normalize("NFKC").toLowerCase().split(/\s+/)) {
    const excluded = chunk.startsWith("-");
    for (const [text] of chunk.matchAll(/[\p{L}\p{N}]+/gu)) words.push({ text, excluded });
  }
  return words;
}

function letterCount(word: string): number {
  return [...word].length;
}

/** Edits forgiven in a word: none for short words, numbers and codes ("v60", "4321"). */
export function allowedEdits(word: string): 0 | 1 | 2 {
  if (!/^\p{L}+$/u.test(word)) return 0;
  const letters = letterCount(word);
  if (letters > LONGEST_CORRECTED_WORD) return 0;
  if (letters >= TWO_EDITS_FROM_LETTERS) return 2;
  if (letters >= ONE_EDIT_FROM_LETTERS) return 1;
  return 0;
}

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
 * substitutions and swaps of two neighbouring letters each count as one edit, so "cnadle" is
 * one edit from "candle" (plain Levenshtein, as in PostgreSQL's fuzzystrmatch, counts two).
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  // Three rows of the dynamic-programming table are enough: a swap looks back two rows.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length]!;
}

/**
 * The catalogue words a shopper most likely meant by `word`, chosen from `nearby` (catalogue
 * words within reach of it and some that begin with it), in alphabetical order so that results
 * never reorder between requests.
 * - A word the catalogue uses needs nothing more.
 * - A word that begins catalogue words ("sweat", "walkin") is still being typed: it means those
 *   words ("sweater", "walking"), not look-alikes ("sweet").
 * - Otherwise it means the nearest words within its allowed edits, if any.
 */
export function meantWords(word: string, nearby: readonly string[]): string[] {
  const allowed = allowedEdits(word);
  if (allowed === 0 || nearby.includes(word)) return [];
  const completions = nearby.filter((w) => w.startsWith(word));
  if (completions.length > 0) return firstFew(completions);
  const near = nearby.map((w) => ({ w, distance: editDistance(word, w) })).filter((c) => c.distance <= allowed);
  if (near.length === 0) return [];
  const nearest = Math.min(...near.map((c) => c.distance));
  return firstFew(near.filter((c) => c.distance === nearest).map((c) => c.w));
}

function firstFew(words: readonly string[]): string[] {
  return [...new Set(words)].sort().slice(0, MAX_WORDS_MEANT);
}

/** Whether a word also matches as the start of a longer word ("lamb" for "lambswool"). */
export function matchesAsPrefix(word: string): boolean {
  return letterCount(word) >= SHORTEST_PREFIX;
}
