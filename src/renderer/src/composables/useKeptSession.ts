import { ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { hogPipelineSchema } from '../../../shared/contract/features';
import type { DatasetPointer, LabSession, LabSetup } from '../../../shared/contract/project';
import { setLocale } from '../i18n';
import { LOCALES, type Locale } from '../i18n/messages';
import { useAugmentationSettings } from './augmentationSettings';
import { useClient } from './useClient';
import { useDataset } from './useDataset';
import { currentPipeline, useFeatures } from './useFeatures';
import { useLabSession } from './useLabSession';
import { setProjector, useProjector } from './useProjector';

/** Changes are saved this long after the last one (a slider moves many times a second). */
export const SAVE_DELAY_MS = 300;

/** This page among the workspace's pages: `session.changed` from another page is news, our own is not. */
const pageId = `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The dataset the session or an opened project expects while it is not loaded (missing, being opened, mismatched). */
const wantedDataset: Ref<DatasetPointer | null> = shallowRef(null);
/** A wanted dataset that could not be opened where it was: reported by name with "Buscar de nuevo…". */
const missingDataset: Ref<DatasetPointer | null> = shallowRef(null);
/** The dataset opened has other contents than the one expected (its fingerprint differs). */
const mismatchedDataset: Ref<{ expected: DatasetPointer; found: string } | null> = shallowRef(null);
/** Another page of the workspace saved the session after this one (its revision). */
const changedElsewhere = ref<number | null>(null);
const restoring = ref(false);
let started = false;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The student's session kept by the core (`session.get` / `session.save`, per workspace in browser mode, per
 * user in Electron): everything chosen in Datos, Características, Modelo and Entrenamiento, the current view and
 * the language, saved as it changes and restored when the page loads again.
 */
export function useKeptSession() {
  const client = useClient();
  const { locale } = useI18n();
  const { projector } = useProjector();
  const lab = useLabSession();
  const data = useDataset();
  const { pipeline } = useFeatures();
  const augmentation = useAugmentationSettings();

  function currentDataset(): DatasetPointer | null {
    const summary = data.summary.value;
    const reference = data.reference.value;
    if (summary && reference) return { name: summary.name, fingerprint: summary.fingerprint, reference };
    return wantedDataset.value;
  }

  function collectSetup(): LabSetup {
    return clone({
      dataset: currentDataset(),
      features: lab.chosenFeatures.value,
      hogPipeline: currentPipeline(),
      scaling: lab.scaling.value,
      split: lab.split.value,
      model: lab.model.value,
      followFeatures: lab.followFeatures.value,
      training: lab.training.value,
      backend: lab.backend.value,
      augmentation: augmentation.value,
    });
  }

  function collect(): LabSession {
    const view = window.location.hash.replace(/^#\/?/, '') || 'inicio';
    return {
      setup: collectSetup(),
      view: view.slice(0, 40),
      language: locale.value as Locale,
      projector: projector.value,
      datasetId: data.summary.value?.datasetId ?? null,
      project: lab.project.value ? clone(lab.project.value) : null,
    };
  }

  /**
   * Opens the setup's dataset unless the same one is loaded. A folder that moved is reported by name; a dataset
   * whose contents changed is loaded but reported, so that runs are never silently made on other data.
   */
  async function openDataset(wanted: DatasetPointer | null, loadedId: string | null = null, evenIfLoaded = false): Promise<void> {
    missingDataset.value = null;
    mismatchedDataset.value = null;
    wantedDataset.value = wanted;
    if (!wanted) return;
    if (!evenIfLoaded && data.summary.value?.fingerprint === wanted.fingerprint) {
      wantedDataset.value = null;
      return;
    }
    const opened =
      (loadedId !== null && (await data.resume(loadedId, wanted.fingerprint, wanted.reference))) || (await data.reopen(wanted.reference));
    if (!opened) {
      missingDataset.value = wanted;
      data.searchHint.value = wanted.reference.kind === 'builtin' ? null : { kind: wanted.reference.kind, path: wanted.reference.path };
      return;
    }
    wantedDataset.value = null;
    checkFingerprint(wanted);
  }

  function checkFingerprint(expected: DatasetPointer): void {
    const found = data.summary.value?.fingerprint;
    mismatchedDataset.value = found && found !== expected.fingerprint ? { expected, found } : null;
  }

  async function applySetup(setup: LabSetup, loadedId: string | null = null): Promise<void> {
    lab.chosenFeatures.value = setup.features;
    Object.assign(pipeline, hogPipelineSchema.parse(clone(setup.hogPipeline)));
    lab.scaling.value = setup.scaling;
    lab.split.value = clone(setup.split);
    lab.followFeatures.value = setup.followFeatures;
    lab.model.value = clone(setup.model);
    lab.training.value = clone(setup.training);
    lab.backend.value = setup.backend;
    augmentation.value = clone(setup.augmentation);
    await openDataset(setup.dataset, loadedId);
  }

  async function apply(session: LabSession, options: { view: boolean }): Promise<void> {
    restoring.value = true;
    try {
      if ((LOCALES as readonly string[]).includes(session.language)) setLocale(session.language);
      setProjector(session.projector);
      lab.project.value = session.project;
      if (options.view && session.view && session.view !== 'inicio' && !window.location.hash.replace(/^#\/?/, ''))
        window.location.hash = `#/${session.view}`;
      await applySetup(session.setup, session.datasetId);
    } finally {
      restoring.value = false;
    }
  }

  async function save(): Promise<void> {
    try {
      await client.call('session.save', { session: collect(), pageId });
      changedElsewhere.value = null;
    } catch {
      // Not kept this time (e.g. the connection dropped); the next change saves again.
    }
  }

  /** Restores the kept session once per page, then saves every change. */
  async function start(): Promise<void> {
    if (started) return;
    started = true;
    try {
      const kept = await client.call('session.get', {});
      if (kept.session) await apply(kept.session, { view: true });
    } catch {
      // Nothing kept or unreadable: the defaults stand.
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    watch(
      () => JSON.stringify(collect()),
      () => {
        if (restoring.value) return;
        clearTimeout(timer);
        timer = setTimeout(() => void save(), SAVE_DELAY_MS);
      },
    );
    window.addEventListener('hashchange', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    });
    // A dataset opened by hand settles a missing one; against an assignment's dataset it must have the same contents.
    watch(data.summary, (summary) => {
      if (!summary || restoring.value) return;
      const expected = lab.project.value?.assignment?.locks.dataset ? lab.project.value.assignmentSetup?.dataset : missingDataset.value;
      missingDataset.value = null;
      wantedDataset.value = null;
      if (expected) checkFingerprint(expected);
      else mismatchedDataset.value = null;
    });
    // Back from a dropped connection: a core that restarted meanwhile no longer holds the dataset; open it again.
    client.onReconnect(() => {
      const pointer = currentDataset();
      const loaded = data.summary.value;
      if (!pointer || !loaded) return;
      void data.resume(loaded.datasetId, pointer.fingerprint, pointer.reference).then((kept) => {
        if (!kept) void openDataset(pointer, null, true);
      });
    });
    client.on('session.changed', (event) => {
      if (event.pageId !== pageId) changedElsewhere.value = event.revision;
    });
  }

  /** Takes the session another page saved (the last change wins; this page was told). */
  async function takeOtherChanges(): Promise<void> {
    const kept = await client.call('session.get', {});
    changedElsewhere.value = null;
    if (kept.session) await apply(kept.session, { view: false });
  }

  return {
    start,
    collectSetup,
    applySetup,
    openDataset,
    checkFingerprint,
    takeOtherChanges,
    wantedDataset,
    missingDataset,
    mismatchedDataset,
    changedElsewhere,
    restoring,
  };
}
