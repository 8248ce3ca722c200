import { join } from 'node:path';
import { DatasetStore } from '../datasets/datasetStore';
import { OpenedPaths } from '../datasets/pathGuard';
import { TrainingControls } from '../engine/trainingControls';
import { FeatureSetStore } from '../features/featureSets';
import type { FileAccessPolicy } from '../files';
import { LiveExperiments } from '../tasks/liveExperiments';
import { PageConnections } from '../tasks/pageConnections';
import { TaskRegistry } from '../tasks/taskRegistry';

/** Where a workspace keeps its files. A student's are all inside their own folder of the lab. */
export interface WorkspaceFolders {
  /** The workspace's own folder (a student's `<lab>/<id>`), readable by its owner; null for the default one. */
  home: string | null;
  /** One subfolder per training run. */
  runs: string;
  /** HOG vectors cached between extractions. */
  cache: string;
  /** Files the student sends from their own PC (the "open your own images" feature writes here). */
  uploads: string;
  /** What the app keeps between visits: the saved session and the recent projects (core/projects). */
  state: string;
}

export interface WorkspaceOptions {
  id: string;
  /** As the person typed it ("Ana García"); the id is its folder-safe form. */
  name: string;
  folders: WorkspaceFolders;
  /** The server's file policy; the workspace adds its own folder to it. */
  files: FileAccessPolicy;
  /** Bytes of loaded datasets this workspace may hold (a lab server's per-student budget). */
  datasetBudgetBytes?: number;
  /** How long paused trainings wait for a page to come back (see PageConnections). */
  graceMs: number;
}

/**
 * Everything that belongs to one person: loaded datasets and feature sets, the folders they opened, their tasks
 * and trainings, the pages they have open, and their folders on disk (runs, cache, uploads). A single-user machine
 * has one (the default workspace); a lab server has one per student plus the teacher's. Handlers reach the
 * caller's workspace through `CallContext.workspace`, so nothing of one workspace is reachable from another: a
 * task id, a dataset id or a run id of someone else's is simply not found.
 */
export class Workspace {
  readonly id: string;
  readonly name: string;
  readonly folders: WorkspaceFolders;
  /** Which paths this workspace's requests may read: the server's roots plus the workspace's own folder. */
  readonly files: FileAccessPolicy;
  readonly datasets: DatasetStore;
  readonly featureSets = new FeatureSetStore();
  readonly openedPaths: OpenedPaths;
  readonly tasks = new TaskRegistry();
  readonly trainings = new TrainingControls();
  readonly live = new LiveExperiments();
  readonly pages: PageConnections;

  constructor(options: WorkspaceOptions) {
    this.id = options.id;
    this.name = options.name;
    this.folders = options.folders;
    this.files = options.folders.home
      ? options.files.withRoots([options.folders.home])
      : options.files.withRoots([options.folders.uploads]);
    this.openedPaths = new OpenedPaths(this.files);
    this.datasets = new DatasetStore(4, options.datasetBudgetBytes);
    this.pages = new PageConnections(options.graceMs, () => this.stopAbandonedTrainings());
  }

  get runsRoot(): string {
    return this.folders.runs;
  }

  /** The folder uploads of this workspace land in (issue "open your own images"); always allowed by `files`. */
  get uploadsDir(): string {
    return this.folders.uploads;
  }

  /** The settings file of this workspace (name, creation) in its own folder; null for the default one. */
  get settingsFile(): string | null {
    return this.folders.home ? join(this.folders.home, 'workspace.json') : null;
  }

  /**
   * What happens to work whose pages all left and did not come back within the grace period: a paused training
   * is stopped, so its run is saved as `stopped` with everything measured instead of waiting forever. Running
   * trainings go on and finish on their own (their run is saved either way).
   */
  stopAbandonedTrainings(): void {
    for (const taskId of this.live.paused()) {
      try {
        this.trainings.get(taskId).stop();
        this.live.setStatus(taskId, 'stopping');
      } catch {
        // It ended between the check and the stop: nothing left to do.
      }
    }
  }

  /** Frees what the workspace holds in memory and cancels its tasks (a closing core, a test). */
  dispose(): void {
    this.pages.dispose();
    this.tasks.cancelAll();
    this.datasets.clear();
  }
}
