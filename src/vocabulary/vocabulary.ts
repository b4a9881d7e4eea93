/**
 * The closed vocabularies of the models, ordered where order means something (stages,
 * cooperation levels, the schuifjes scale). The schemas, the analysis and the renderers all
 * read them from here, the lowest room, so none of them depends on another stage for words.
 */

export const STAGES = ['input', 'activiteiten', 'output', 'outcome', 'impact'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The core functions of an inspanning: the five of seed 000 (werven … professionaliseren),
 * continuïteit (keeping lessons going, e.g. invalpools: the C of ABC&S, seed 004 l.123,
 * l.353) and onderwijs anders organiseren.
 */
export const FUNCTIONS = [
  'werven',
  'matchen',
  'opleiden',
  'begeleiden',
  'professionaliseren',
  'continuiteit',
  'anders-organiseren',
] as const;
export type Func = (typeof FUNCTIONS)[number];

/** How a function is written for readers (the YAML value stays plain ASCII). */
export const FUNCTION_LABEL: Record<Func, string> = {
  werven: 'werven',
  matchen: 'matchen',
  opleiden: 'opleiden',
  begeleiden: 'begeleiden',
  professionaliseren: 'professionaliseren',
  continuiteit: 'continuïteit',
  'anders-organiseren': 'anders organiseren',
};

/** The schuifjesmodel scale (domain §6), from no action to integration. */
export const COOPERATION_LEVELS = [
  'niet-handelen',
  'autonoom',
  'kennis-delen',
  'afstemmen',
  'gezamenlijk',
  'integreren',
] as const;
export type CooperationLevel = (typeof COOPERATION_LEVELS)[number];

/** How a cooperation level is written for readers (the YAML value stays a code name). */
export const COOPERATION_LEVEL_LABEL: Record<CooperationLevel, string> = {
  'niet-handelen': 'niet handelen',
  autonoom: 'autonoom',
  'kennis-delen': 'kennis delen',
  afstemmen: 'afstemmen',
  gezamenlijk: 'gezamenlijk',
  integreren: 'integreren',
};

/** The scale level of a schuifjes row (domain §6). */
export const SCALES = ['school', 'subregionaal', 'regionaal'] as const;

export const STRENGTHS = ['zwak', 'middel', 'sterk'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** What a finding says about what it tests (the evidence register, `soort: bewijs`). */
export const DIRECTIONS = ['ondersteunt', 'weerlegt', 'gemengd', 'geen-uitspraak'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const EFFORT_STATUSES = ['idee', 'gepland', 'lopend', 'afgerond', 'gestopt'] as const;

export const METHODS = [
  'deskresearch',
  'documentanalyse',
  'interviews',
  'arbeidsmarktdata',
  'vragenlijst',
  'focusgroepen',
  'casestudies',
] as const;

export const SECTORS = ['po', 'vo', 'mbo'] as const;
