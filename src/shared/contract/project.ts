import { z } from 'zod';
import { backendPreferenceSchema } from './app';
import { builtinIdSchema, builtinOptionsSchema, csvDelimiterSchema, splitMethodSchema } from './datasets';
import { method } from './define';
import { featureChoiceSchema } from './experiment';
import { hogPipelineSchema } from './features';
import { languageSchema, runIdSchema } from './runId';
import { scalingNameSchema } from '../datasets/scaling';
import { MODEL_FAMILIES } from '../models/modelFamily';
import { modelSpecSchema } from '../models/modelSpec';
import { trainingSettingsSchema } from '../models/trainingSettings';

/** The project-file format this version writes; files with a higher number come from a newer Sinapsis. */
export const PROJECT_FORMAT_VERSION = 1;
export const PROJECT_FILE_SUFFIX = '.sinapsis.json';
export const PROJECT_FORMAT = 'sinapsis-project';

/** How a dataset was opened, so that it can be opened again: the path is a hint (on another PC it may differ). */
export const datasetReferenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096) }),
  z.object({
    kind: z.literal('csv'),
    path: z.string().min(1).max(4096),
    delimiter: z.union([z.literal('auto'), csvDelimiterSchema]).default('auto'),
    header: z.enum(['auto', 'yes', 'no']).default('auto'),
    target: z.number().int().nonnegative(),
    task: z.enum(['auto', 'classification', 'regression']).default('auto'),
  }),
  z.object({ kind: z.literal('builtin'), id: builtinIdSchema, options: builtinOptionsSchema.default(builtinOptionsSchema.parse({})) }),
]);
export type DatasetReference = z.infer<typeof datasetReferenceSchema>;

/** A dataset by what it contains (the fingerprint, never the data) plus where it was last found. */
export const datasetPointerSchema = z.object({
  name: z.string().max(500),
  fingerprint: z.string().max(200),
  reference: datasetReferenceSchema,
});
export type DatasetPointer = z.infer<typeof datasetPointerSchema>;

export const splitSettingsSchema = z.object({
  method: splitMethodSchema,
  train: z.number().min(0).max(1),
  validation: z.number().min(0).max(1),
  test: z.number().min(0).max(1),
  folds: z.number().int().min(2).max(100),
  stratified: z.boolean(),
});
export type SplitSettings = z.infer<typeof splitSettingsSchema>;

export const augmentationSettingsSchema = z.object({
  enabled: z.boolean(),
  copies: z.number().int().min(1).max(10),
  form: z.object({
    rotationDegrees: z.number(),
    shift: z.number(),
    zoom: z.number(),
    horizontalFlip: z.boolean(),
    brightness: z.number(),
    contrast: z.number(),
    noise: z.number(),
  }),
});

/** Everything a student chooses in Datos, Características, Modelo and Entrenamiento: one experiment's setup. */
export const labSetupSchema = z.object({
  dataset: datasetPointerSchema.nullable(),
  /** Features chosen explicitly (null: HOG with `hogPipeline` for images, the columns for tables). */
  features: featureChoiceSchema.nullable(),
  hogPipeline: hogPipelineSchema,
  scaling: scalingNameSchema,
  split: splitSettingsSchema,
  model: modelSpecSchema,
  /** The model's input follows the features. */
  followFeatures: z.boolean(),
  training: trainingSettingsSchema,
  backend: backendPreferenceSchema,
  augmentation: augmentationSettingsSchema,
});
export type LabSetup = z.infer<typeof labSetupSchema>;

export const localizedTextSchema = z.object({ es: z.string().max(20_000), pt: z.string().max(20_000), en: z.string().max(20_000) });

/** What an assignment fixes. Each lock names part of the setup a student may not change (and `sinapsis check` verifies). */
export const assignmentLocksSchema = z.object({
  /** The dataset's fingerprint must be the project's. */
  dataset: z.boolean(),
  /** The split (method, ratios, folds, stratification) and the seed. */
  split: z.boolean(),
  /** The features (kind and all their parameters) and the scaling. */
  features: z.boolean(),
  /** Any model, some families only, or exactly the project's model. */
  model: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('free') }),
    z.object({ kind: z.literal('families'), families: z.array(z.enum(MODEL_FAMILIES)).min(1) }),
    z.object({ kind: z.literal('fixed') }),
  ]),
  /** Epochs allowed, inclusive; null: any. */
  epochs: z
    .object({ min: z.number().int().min(1), max: z.number().int().min(1) })
    .refine((range) => range.min <= range.max, 'min must not exceed max')
    .nullable(),
});
export type AssignmentLocks = z.infer<typeof assignmentLocksSchema>;

export const assignmentSchema = z.object({
  title: localizedTextSchema,
  instructions: localizedTextSchema,
  locks: assignmentLocksSchema,
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** A `*.sinapsis.json` file: the whole setup, the runs made with it and, for an assignment, what is fixed. */
export const projectFileSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  formatVersion: z.number().int().min(1).max(PROJECT_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  savedAt: z.string().max(40),
  /** The Sinapsis version that wrote it. */
  app: z.string().max(40),
  setup: labSetupSchema,
  runs: z.array(runIdSchema).max(10_000),
  assignment: assignmentSchema.nullable(),
});
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** A project in the workspace's recent list. */
export const recentProjectSchema = z.object({
  id: z.string().regex(/^[\w-]{1,80}$/),
  name: z.string(),
  savedAt: z.string(),
  runs: z.number().int(),
  assignment: z.boolean(),
});
export type RecentProject = z.infer<typeof recentProjectSchema>;

/** The session kept for the workspace: the setup plus where the student was, and which project is open. */
export const labSessionSchema = z.object({
  setup: labSetupSchema,
  view: z.string().max(40),
  language: languageSchema,
  /** The interface enlarged for a projector (the header's "Proyector" switch). */
  projector: z.boolean().default(false),
  /** The core's id of the dataset loaded when the session was saved: a reload takes it back while the core still has it. */
  datasetId: z.string().max(100).nullable().default(null),
  /** The open project (its id in the recent list), null before one is saved or opened. */
  project: z
    .object({
      id: z
        .string()
        .regex(/^[\w-]{1,80}$/)
        .nullable(),
      name: z.string().max(200),
      runs: z.array(runIdSchema).max(10_000),
      assignment: assignmentSchema.nullable(),
      /** The setup the assignment was handed out with: what its locked fields must stay equal to. */
      assignmentSetup: labSetupSchema.nullable(),
    })
    .nullable(),
});
export type LabSession = z.infer<typeof labSessionSchema>;

/** Largest project file accepted (a project holds settings and run ids, never data). */
export const MAX_PROJECT_FILE_BYTES = 2 * 1024 * 1024;

export const sessionChangedEventSchema = z.object({ revision: z.number().int(), pageId: z.string().max(100) });

export const projectMethods = {
  /** The workspace's kept session (null before anything was chosen) and its revision. */
  'session.get': method(z.object({}), z.object({ session: labSessionSchema.nullable(), revision: z.number().int() })),
  /**
   * Keeps the session as it changes. The last save wins; every other page of the workspace is told by
   * `session.changed` (with the saving page's id, so that it can ignore its own).
   */
  'session.save': method(
    z.object({ session: labSessionSchema, pageId: z.string().min(1).max(100) }),
    z.object({ revision: z.number().int() }),
  ),
  /** Forgets the kept session: the next page load starts from the defaults (tests start each case this way). */
  'session.reset': method(z.object({ pageId: z.string().min(1).max(100) }), z.object({ revision: z.number().int() })),
  /** Keeps a copy in the workspace's recent projects and returns the file's text to download as `<name>.sinapsis.json`. */
  'project.save': method(
    z.object({ project: projectFileSchema, id: recentProjectSchema.shape.id.nullable() }),
    z.object({ id: recentProjectSchema.shape.id, fileName: z.string(), text: z.string() }),
  ),
  'project.list': method(z.object({}), z.object({ projects: z.array(recentProjectSchema) })),
  /** Reads a project file's text (not JSON, newer version or invalid: a clear error, nothing changed) or a recent one. */
  'project.open': method(
    z.object({
      source: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('text'), text: z.string().max(MAX_PROJECT_FILE_BYTES), fileName: z.string().max(500) }),
        z.object({ kind: z.literal('recent'), id: recentProjectSchema.shape.id }),
      ]),
    }),
    z.object({ id: recentProjectSchema.shape.id, project: projectFileSchema }),
  ),
};

export const projectEvents = {
  'session.changed': sessionChangedEventSchema,
};
