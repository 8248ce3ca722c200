import { computed, ref } from 'vue';
import type { ResponseOf } from '../../../shared/contract';
import type { WorkspaceSummary } from '../../../shared/contract/workspaces';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

type Current = ResponseOf<'workspace.current'>;

// One page, one person: who this page is and which student's runs Evaluación shows are shared by every view.
const current = ref<Current | null>(null);
const students = ref<WorkspaceSummary[]>([]);
/** The student workspace whose runs are shown read-only (teacher of a lab server), or null for one's own. */
const viewed = ref<string | null>(null);

/** What a read of runs adds to its request: the workspace being viewed, when it is not one's own. */
export function viewedWorkspaceParam(): { workspace?: string } {
  return viewed.value ? { workspace: viewed.value } : {};
}

/** The lab server's view of this page: a teacher picks whose runs to read; a student has only their own. */
export function useWorkspaces() {
  const client = useClient();
  const describe = useErrorMessage();
  const error = ref<string | null>(null);

  const canPick = computed(() => current.value?.mode === 'lab' && current.value.role === 'teacher');
  const viewedName = computed(() => students.value.find((s) => s.id === viewed.value)?.name ?? null);

  async function load(): Promise<void> {
    try {
      current.value = await client.call('workspace.current', {});
      students.value = canPick.value ? (await client.call('workspace.list', {})).workspaces : [];
      if (viewed.value && !students.value.some((s) => s.id === viewed.value)) viewed.value = null;
      error.value = null;
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  return { current, students, viewed, viewedName, canPick, error, load };
}
