// The shape of a contest inside an archive file (.qiangda), checked field by field before a
// restore writes anything. Objects are strict: a field this version does not know means the
// file is not what it claims to be, and silently dropping it could change the replay.
import { z } from 'zod';
import { TIE_RULES } from '../../shared/contest/arbiter.js';
import { CURRENT_RULES_VERSION } from '../../shared/contest/replay.js';
import { QUESTION_TYPES } from '../../shared/contest/question.js';
import type { Command } from '../../shared/contest/commands.js';
import type { ContestDefinition } from '../../shared/contest/types.js';
import { hostCommandSchema } from '../../shared/protocol.js';
import { LOGO_MAX_BYTES, LOGO_TYPES, THEMES } from '../../shared/branding.js';
import { JOIN_CODE_PATTERN } from '../../shared/join-code.js';

const id = z.string().min(1).max(64);
const text = z.string().max(10_000);
const time = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

const questionBase = {
  id,
  category: text,
  difficulty: z.number().int(),
  points: z.number().int().optional(),
  stem: text,
  explanation: text,
  source: text.optional(),
  fixedOptions: z.boolean().optional(),
  excludes: z.array(id).optional(),
};
const question = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('open'), answer: text }).strict(),
  z.object({ ...questionBase, type: z.enum(['single', 'multiple']), options: z.array(text).max(8), answer: z.array(count), optionOrder: z.array(count).max(8).optional() }).strict(),
  z.object({ ...questionBase, type: z.literal('true-false'), answer: z.boolean() }).strict(),
]);

const draw = z.object({ categories: z.array(text), difficulties: z.array(z.number().int()), types: z.array(z.enum(QUESTION_TYPES)) }).strict();
const roundBase = { id, name: text, draw, questions: z.array(question) };
const falseStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lockout'), ms: count }).strict(),
  z.object({ kind: z.literal('lose-question') }).strict(),
  z.object({ kind: z.literal('deduct'), points: count }).strict(),
]);
// Both shapes a contest may have been played under (arbiter.ts, arbiter-v1.ts).
const fairness = z.union([
  z.object({ mode: z.enum(['press-time', 'arrival']), maxCreditMs: count, graceCapMs: count, tieRule: z.enum(TIE_RULES) }).strict(),
  z.object({ mode: z.enum(['press-time', 'arrival']), marginMs: count, graceCapMs: count }).strict(),
]);
const scoring = { answerTimeMs: count, rightPoints: count, wrongPoints: count };

const score = z.number().finite();
const judging = z
  .object({
    prompt: z.enum(['question', 'title']),
    orderBy: z.enum(['file', 'lot']),
    order: z.array(id),
    prepareMs: count,
    speakMs: count,
    warnAtMs: count,
    overtime: z.object({ perMs: z.number().int().min(1), points: score }).strict().nullable(),
    scale: z.object({ min: score, max: score, step: score.positive() }).strict(),
    criteria: z.array(z.object({ name: text, max: score }).strict()),
    aggregate: z.enum(['trimmed-mean', 'mean', 'sum']),
    decimals: z.number().int().min(0).max(4),
  })
  .strict();

const round = z.discriminatedUnion('kind', [
  z
    .object({ ...roundBase, kind: z.literal('buzz-in'), rules: z.object({ falseStart, fairness, buzzWindowMs: count, ...scoring, risk: z.boolean().optional() }).strict() })
    .strict(),
  z.object({ ...roundBase, kind: z.literal('in-turn'), order: z.array(id), perSeat: count, ...scoring }).strict(),
  z.object({ ...roundBase, kind: z.literal('all-at-once'), ...scoring, partialCredit: z.boolean(), partialPoints: count }).strict(),
  z.object({ ...roundBase, kind: z.literal('judged'), judging }).strict(),
  z
    .object({
      ...roundBase,
      kind: z.literal('risk'),
      risk: z.object({ stakes: z.array(z.number().int().min(1)).min(1), allowPass: z.boolean(), order: z.array(id), perSeat: count, answerTimeMs: count }).strict(),
    })
    .strict(),
]);

/** R5: a tie-break as the definition holds it (a stage by its id). */
const tieBreak = z.discriminatedUnion('by', [
  z.object({ by: z.literal('stage'), stageId: id }).strict(),
  z.object({ by: z.literal('buzz-right') }).strict(),
  z.object({ by: z.literal('wrong-buzzes') }).strict(),
  z.object({ by: z.literal('false-starts') }).strict(),
]);

export const definitionSchema = z
  .object({
    title: text,
    seed: text,
    seats: z.array(z.object({ id, name: text, kind: z.enum(['individual', 'team']), phones: z.number().int().min(1), topic: text.optional() }).strict()).min(1),
    stages: z.array(z.object({ id, name: text, weight: z.number(), normalise: z.enum(['none', 'max', 'best']).optional(), rounds: z.array(round) }).strict()).min(1),
    branding: z
      .object({ organiser: text.optional(), coOrganiser: text.optional(), subtitle: text.optional(), theme: z.enum(THEMES) })
      .strict()
      .optional(),
    joining: z.object({ approvalAfter: z.enum(['lock', 'start']) }).strict().optional(),
    // Rules newer than this server's would replay differently: such an archive is not read.
    rulesVersion: z.number().int().min(1).max(CURRENT_RULES_VERSION).optional(),
    judges: z.array(z.object({ id, name: text, title: text.optional(), unit: text.optional() }).strict()).optional(),
    ranking: z.object({ decimals: z.number().int().min(0).max(4), tieBreaks: z.array(tieBreak) }).strict().optional(),
  })
  .strict() satisfies z.ZodType<ContestDefinition>;

const link = z.object({ oneWayMs: z.number(), errorMs: z.number(), syncErrorMs: z.number() }).strict();
const at = { at: time };

/** Every command the room logs, with the time it was accepted. Host commands are checked by the
 * very schema their sockets use, so a restored log holds nothing a host could not have sent. */
export const commandSchema = z.union([
  z.intersection(hostCommandSchema, z.object(at)),
  z.discriminatedUnion('type', [
    z.object({ ...at, type: z.literal('question:swap'), question }).strict(),
    z
      .object({
        ...at,
        type: z.literal('buzz:press'),
        seatId: id,
        claimedAt: z.number().nullable().optional(),
        link: link.nullable().optional(),
        armed: z.record(z.string(), link.nullable()).optional(),
        phone: id.optional(),
      })
      .strict(),
    z.object({ ...at, type: z.literal('answer:submit'), seatId: id, choice: z.array(count), phone: id.optional() }).strict(),
    z.object({ ...at, type: z.literal('stake:choose'), seatId: id, stake: z.number().int().min(1).nullable(), phone: id.optional() }).strict(),
    z.object({ ...at, type: z.literal('seat:join'), seatId: id, phone: id, approved: z.boolean() }).strict(),
    z.object({ ...at, type: z.literal('clock:tick') }).strict(),
    z.object({ ...at, type: z.literal('judge:score'), judgeId: id, seatId: id, value: score, parts: z.array(score).optional() }).strict(),
  ]),
]) satisfies z.ZodType<Command>;

/** What an archive holds of one contest: everything the store keeps of it. */
export const archivedContestSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    createdAt: time,
    closedAt: time.nullable(),
    definition: definitionSchema,
    /** The contest file it was drawn from (null for one made in code); checked when edited. */
    source: z.unknown(),
    hostKey: z.string().min(8).max(128),
    seats: z.array(z.object({ seatId: id, joinCode: z.string().regex(JOIN_CODE_PATTERN), deviceTokens: z.array(z.string().min(1).max(128)), joinedAt: z.record(z.string(), time).optional(), codePrivate: z.boolean().optional() }).strict()),
    /** The judges' link keys, codes and devices; absent without judges (and in archives made before them). */
    judges: z
      .array(z.object({ judgeId: id, key: z.string().min(16).max(128), code: z.string().regex(JOIN_CODE_PATTERN), deviceTokens: z.array(z.string().min(1).max(128)) }).strict())
      .optional(),
    log: z.array(z.object({ command: commandSchema, requestId: z.string().min(1).max(200).nullable() }).strict()),
    /** The logo, base64; absent when the contest has none (and in archives made before logos). */
    logo: z
      .object({ type: z.enum(LOGO_TYPES), base64: z.base64().max(Math.ceil(LOGO_MAX_BYTES / 3) * 4) })
      .strict()
      .optional(),
  })
  .strict();
export type ArchivedContest = z.infer<typeof archivedContestSchema>;

/** The file's outer layer: read first, so a file that is not an archive is named as such. */
export const archiveEnvelopeSchema = z.object({
  format: z.string(),
  version: z.number(),
  sha256: z.string(),
  contest: z.unknown(),
});
