import { ref, shallowRef, type Ref } from 'vue';
import {
  MAX_PROJECT_FILE_BYTES,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  type Assignment,
  type ProjectFile,
  type RecentProject,
} from '../../../shared/contract/project';
import type { RequestOf } from '../../../shared/contract';
import { ClientCallError } from '../client/errors';
import { useClient } from './useClient';
import { offerDownload } from './useDownload';
import { useErrorMessage } from './useErrorMessage';
import { useFeatures, resetToLab } from './useFeatures';
import { useKeptSession } from './useKeptSession';
import { labDefaults, useLabSession } from './useLabSession';
import { defaultAugmentationSettings, useAugmentationSettings } from './augmentationSettings';

const recent: Ref<RecentProject[]> = shallowRef([]);
const error = ref<string | null>(null);
const notice = ref<string | null>(null);
const busy = ref(false);

/**
 * Projects: "Guardar proyecto" writes the whole setup (dataset by fingerprint and path hint, features, model,
 * training, the runs made with it, an assignment's locks) as a `*.sinapsis.json` download and keeps a copy among
 * the workspace's recent projects; "Abrir proyecto" reads one (checked by the core before anything changes).
 */
export function useProject() {
  const client = useClient();
  const describe = useErrorMessage();
  const lab = useLabSession();
  const kept = useKeptSession();
  useFeatures();
  const augmentation = useAugmentationSettings();

  async function refreshRecent(): Promise<void> {
    try {
      recent.value = (await client.call('project.list', {})).projects;
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  /** The project file for the current setup; `assignment` makes it one (the setup is what its locks keep). */
  function projectFile(name: string, assignment: Assignment | null): ProjectFile {
    return {
      format: PROJECT_FORMAT,
      formatVersion: PROJECT_FORMAT_VERSION,
      name,
      savedAt: new Date().toISOString(),
      app: '',
      setup: kept.collectSetup(),
      runs: [...(lab.project.value?.runs ?? [])],
      assignment,
    };
  }

  /** Runs one save or open with the busy flag up; a failure is said (in `error`) and the call answers false. */
  async function attempt(action: () => Promise<void>): Promise<boolean> {
    // One save or open at a time: a double click on Guardar must not write the project twice at once.
    if (busy.value) return false;
    error.value = null;
    busy.value = true;
    try {
      await action();
      return true;
    } catch (failure) {
      error.value = describe(failure);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function save(name: string, assignment: Assignment | null = lab.project.value?.assignment ?? null): Promise<boolean> {
    return attempt(async () => {
      const file = projectFile(name.trim() || lab.project.value?.name || 'proyecto', assignment);
      // Saving as another name starts a new entry in the recent list; the same name keeps updating it.
      const sameProject = lab.project.value && lab.project.value.name === file.name ? lab.project.value.id : null;
      const saved = await client.call('project.save', { project: file, id: sameProject });
      offerDownload(saved.fileName, saved.text, 'application/json');
      lab.project.value = {
        id: saved.id,
        name: file.name,
        runs: file.runs,
        assignment,
        assignmentSetup: assignment ? file.setup : (lab.project.value?.assignmentSetup ?? null),
      };
      notice.value = saved.fileName;
      await refreshRecent();
    });
  }

  async function adopt(id: string, project: ProjectFile): Promise<void> {
    lab.project.value = {
      id,
      name: project.name,
      runs: project.runs,
      assignment: project.assignment,
      assignmentSetup: project.assignment ? project.setup : null,
    };
    await kept.applySetup(project.setup);
    notice.value = null;
    await refreshRecent();
  }

  /** Reads a chosen file; a file that is not a project, is damaged or is newer changes nothing and says why. */
  async function openFile(file: File): Promise<boolean> {
    error.value = null;
    if (file.size > MAX_PROJECT_FILE_BYTES) {
      error.value = describe(
        new ClientCallError({
          code: 'project-too-large',
          message: `${file.name} is too large to be a project file.`,
          params: { file: file.name },
        }),
      );
      return false;
    }
    return openFrom(async () => ({ kind: 'text', text: await file.text(), fileName: file.name }));
  }

  async function openRecent(id: string): Promise<boolean> {
    return openFrom(async () => ({ kind: 'recent', id }));
  }

  type ProjectOpenSource = RequestOf<'project.open'>['source'];

  /** Opens a project from a file's text or a recent copy and adopts it; a failure is said and changes nothing. */
  async function openFrom(source: () => Promise<ProjectOpenSource>): Promise<boolean> {
    return attempt(async () => {
      const opened = await client.call('project.open', { source: await source() });
      await adopt(opened.id, opened.project);
    });
  }

  /** "Nuevo proyecto": the lab defaults under a new name, keeping the dataset loaded now. */
  function startNew(name: string): void {
    const defaults = labDefaults();
    lab.model.value = defaults.model;
    lab.followFeatures.value = defaults.followFeatures;
    lab.training.value = defaults.training;
    lab.split.value = defaults.split;
    lab.scaling.value = defaults.scaling;
    lab.backend.value = defaults.backend;
    lab.chosenFeatures.value = null;
    resetToLab();
    augmentation.value = defaultAugmentationSettings();
    lab.project.value = { id: null, name: name.trim() || 'proyecto', runs: [], assignment: null, assignmentSetup: null };
    notice.value = null;
    error.value = null;
  }

  return { recent, error, notice, busy, refreshRecent, save, openFile, openRecent, startNew, projectFile };
}
