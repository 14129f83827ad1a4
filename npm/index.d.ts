// Types of article-analyzer. The result types mirror `src/schema.rs` (`Public` and the types it
// holds) field for field; `tests/package/types.test.mjs` type-checks the real results of every
// fixture article against them with `tsc --strict`, so the two cannot drift apart unnoticed.

// The API names DOM and fetch types (Element, Response, BufferSource, AbortSignal): a project
// whose `lib` leaves out "dom" (a Node project, say) still type-checks.
/// <reference lib="dom" />

/** A `{ start, end }` range of UTF-16 code units (end exclusive): `text.slice(start, end)`. */
export interface Range {
  start: number;
  end: number;
}

/** A range with the (cleaned) text it covers. */
export interface TextRange extends Range {
  text: string;
}

export type ParagraphKind = 'body' | 'headline' | 'byline' | 'caption' | 'meta' | 'duplicate';

export interface Paragraph extends Range {
  kind: ParagraphKind;
  /** The dateline that opens the first body paragraph ("HANOI –"), or null. */
  dateline: Range | null;
}

export interface Sentence extends TextRange {
  /** Index into `paragraphs`. */
  paragraph: number;
  words: number;
  /** Flesch–Kincaid grade of the sentence alone (two decimals), null without words. */
  grade: number | null;
  /** 14+ words and a grade from 10 to under 14. */
  hard: boolean;
  /** 14+ words and a grade of 14 or more. */
  veryHard: boolean;
  /** "-ly" adverbs. */
  adverbs: TextRange[];
  /** Passive constructions ("was arrested"). */
  passive: TextRange[];
}

export type QuoteKind = 'direct' | 'partial' | 'headline' | 'term';

export interface Quote extends TextRange {
  kind: QuoteKind;
  /** Index into `sentences` of the sentence where the quotation starts. */
  sentence: number;
  /** Index into `speakers`, or null. */
  speaker: number | null;
  /** The speech verb ("said", "according to"), or null. */
  cue: TextRange | null;
  /** For the later part of a multi-paragraph quotation: index of the part before it. */
  continues: number | null;
}

export interface Speaker {
  /** The fullest form of the name, without titles. */
  name: string;
  /** The mentions used to attribute quotations. */
  mentions: Range[];
  /** Indices into `quotes`. */
  quotes: number[];
}

/** A word, phrase or name and how often it occurs. */
export interface Ranked {
  text: string;
  count: number;
}

/** Sentences of `min` to `max` words (`max` null: no limit). */
export interface HistogramBin {
  min: number;
  max: number | null;
  count: number;
}

export type Band =
  | 'very easy'
  | 'easy'
  | 'fairly easy'
  | 'standard'
  | 'fairly difficult'
  | 'difficult'
  | 'very difficult';

export type Schooling =
  | '5th grade'
  | '6th grade'
  | '7th grade'
  | '8th and 9th grade'
  | '10th to 12th grade'
  | 'college'
  | 'college graduate';

/** Readability scores (two decimals; null without words or sentences). */
export interface Readability {
  fleschReadingEase: number | null;
  fleschKincaidGrade: number | null;
  gunningFog: number | null;
  smog: number | null;
  colemanLiau: number | null;
  automatedReadabilityIndex: number | null;
  lix: number | null;
  band: Band | null;
  schooling: Schooling | null;
}

export interface Stats {
  words: number;
  uniqueWords: number;
  characters: number;
  charactersNoSpaces: number;
  letters: number;
  syllables: number;
  sentences: number;
  paragraphs: number;
  polysyllabicWords: number;
  complexWords: number;
  longWords: number;
  contentWords: number;
  wordsPerSentence: number | null;
  syllablesPerWord: number | null;
  lettersPerWord: number | null;
  /** Index into `sentences`, or null without sentences. */
  longestSentence: number | null;
  longestSentenceWords: number;
  typeTokenRatio: number | null;
  lexicalDensity: number | null;
  readingTimeSeconds: number;
  speakingTimeSeconds: number;
  /** Sentences of 1–10, 11–20, 21–30, 31–40 and 41+ words. */
  sentenceLengthHistogram: [HistogramBin, HistogramBin, HistogramBin, HistogramBin, HistogramBin];
  topWords: Ranked[];
  topWordsWithStopWords: Ranked[];
  topBigrams: Ranked[];
  topTrigrams: Ranked[];
  topNames: Ranked[];
  readability: Readability;
}

export type DiagnosticCode =
  | 'unclosedQuote'
  | 'unmatchedClosingQuote'
  | 'emptyText'
  | 'repairedEncoding'
  | 'removedMarkup'
  | 'decodedEntities'
  | 'removedInvisible'
  | 'replacedControl'
  | 'normalizedLineEndings'
  | 'leftOut';

export interface Diagnostic extends Range {
  code: DiagnosticCode;
  message: string;
}

export type RepairKind = 'mojibake' | 'entity' | 'invisible' | 'control';

/** `start..end` of the text as given became `text` (empty for a removal). */
export interface Repair extends TextRange {
  kind: RepairKind;
}

/** The result of `analyze`: plain data, offsets in UTF-16 code units into the text as given. */
export interface Analysis {
  schemaVersion: 1;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: Quote[];
  speakers: Speaker[];
  stats: Stats;
  diagnostics: Diagnostic[];
  repairs: Repair[];
}

export interface AnalyzeOptions {
  /** `"auto"` (default): blank lines if the text has any, else every line; or only one of them. */
  paragraphs?: 'auto' | 'blankLines' | 'lines';
  /** `"body"` (default): counts take in body paragraphs; `"all"`: every paragraph. */
  scope?: 'body' | 'all';
}

/** Options of `compare`: the analysis options of both texts and the two thresholds. */
export interface CompareOptions extends AnalyzeOptions {
  /** From 0 to 1 (default 0.5): the least similarity of a `paraphrase` match. */
  paraphraseThreshold?: number;
  /** From 0 to 1 (default 0.6): the least similarity of a sentence match. */
  sentenceThreshold?: number;
}

/** How two matched quotations relate (see the README, "Comparing two reports"). */
export type MatchKind = 'exact' | 'variant' | 'contained' | 'paraphrase';

/** What a part of a word-level diff is. */
export type DiffOp = 'same' | 'added' | 'removed' | 'changed' | 'punctuation' | 'case';

/** A quotation of one of the two compared texts; offsets into that text. */
export interface ComparedQuote {
  /** Index of the quotation in that text's analysis. */
  index: number;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** The speaker's name, or null. */
  speaker: string | null;
}

/** One part of a diff: its text on each side, or null on the side that lacks it. */
export interface DiffPart {
  op: DiffOp;
  a: TextRange | null;
  b: TextRange | null;
}

/** A quotation of text A matched with one of text B. */
export interface QuoteMatch {
  a: ComparedQuote;
  b: ComparedQuote;
  /** 0 to 1: twice the words both share (stems, case-insensitive) over the words of both. */
  similarity: number;
  kind: MatchKind;
  /** Whether both are attributed to one person; null when either has no speaker. */
  sameSpeaker: boolean | null;
  /** In text order, `same` parts included: the parts hold every character of both quotations. */
  diff: DiffPart[];
}

/** A person quoted in both texts. */
export interface SharedSpeaker {
  /** The fuller of the two names. */
  name: string;
  nameA: string;
  nameB: string;
  quotesA: number;
  quotesB: number;
}

/** A sentence of one of the two compared texts. */
export interface ComparedSentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A sentence found in both texts. */
export interface SentenceMatch {
  a: ComparedSentence;
  b: ComparedSentence;
  /** 0 to 1: twice the words aligned in order over the words of both. */
  similarity: number;
}

/** What `compare` returns. */
export interface Comparison {
  schemaVersion: 1;
  quoteMatches: QuoteMatch[];
  onlyInA: ComparedQuote[];
  onlyInB: ComparedQuote[];
  sharedSpeakers: SharedSpeaker[];
  sentenceMatches: SentenceMatch[];
}

export interface AnnotateOptions extends AnalyzeOptions {
  /** Wrap quotations in `span.aa-quote` (default true). */
  quotes?: boolean;
  /** Wrap speaker mentions in `span.aa-mention` (default false). */
  mentions?: boolean;
  /** Wrap sentences in `span.aa-sentence` (default false). */
  sentences?: boolean;
}

export interface AnnotateResult {
  /** The visible text that was analyzed: the result's offsets point into it. */
  text: string;
  analysis: Analysis;
}

/** What `init` loads the module from. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | { module_or_path: InitInput | Promise<InitInput> };

/**
 * Loads the WebAssembly module (once; later calls return at once). With no argument,
 * `article_analyzer_bg.wasm` beside the package's JavaScript is fetched (in Node: read from disk).
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<unknown>;

/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(input: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): unknown;

/**
 * Analyzes `text`. Throws an `Error` naming the option for an unknown option or a bad value, and
 * for text over 64 MiB of UTF-8; any string otherwise gives a result.
 */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;

/**
 * Compares two reports of one story: quotations matched with a word-level diff, quotations only in
 * one, speakers quoted in both and shared sentences. Throws an `Error` naming a bad option.
 */
export function compare(textA: string, textB: string, options?: CompareOptions | null): Comparison;

/** The version of the result's shape (`schemaVersion` in every result). */
export function schemaVersion(): number;

/**
 * Analyzes the visible text of `element` and wraps its quotations (and optionally speaker
 * mentions and sentences) in `<span>` elements with classes and `data-` attributes, without
 * moving any element of the page. Calling it again re-reads the text.
 */
export function annotate(element: Element, options?: AnnotateOptions | null): AnnotateResult;

/** Restores the element's original DOM, node for node; false if it was not annotated. */
export function unannotate(element: Element): boolean;

export interface AnalyzerOptions {
  /** Run the module in a module Web Worker (browsers only). Default false: this thread. */
  worker?: boolean;
  /** What `init` takes; default: the .wasm beside the package's JavaScript. */
  wasm?: InitInput | Promise<InitInput>;
}

export interface RequestOptions {
  /** Aborting rejects the promise with the signal's reason; a queued request is skipped. */
  signal?: AbortSignal;
}

export interface Analyzer {
  /** Whether the analysis runs in a worker. */
  readonly worker: boolean;
  analyze(text: string, options?: AnalyzeOptions | null, request?: RequestOptions): Promise<Analysis>;
  compare(textA: string, textB: string, options?: CompareOptions | null, request?: RequestOptions): Promise<Comparison>;
  /** Stops the worker; pending and later requests reject. */
  terminate(): void;
}

/** An analyzer with a promise API, in this thread or (`{ worker: true }`) in a module worker. */
export function createAnalyzer(options?: AnalyzerOptions): Promise<Analyzer>;
