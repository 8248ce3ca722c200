import { readFileSync } from 'node:fs';

/**
 * Whether the process that is training a run still exists. A bare `process.kill(pid, 0)` is not enough: it is true
 * for a zombie, and for any other process that got the pid after ours died (pids are reused; in a container the
 * next start often gets the same small pid, and pid 1 always exists). So a run records its process's identity,
 * the boot and the start time of the process as the kernel counts it, and the run is alive only while a process
 * with that pid, that boot and that start time exists and is not a zombie.
 *
 * Linux has that in /proc. Elsewhere (macOS, Windows) the pid check is what remains, said so in RELIABILITY.md.
 */

interface ProcStat {
  state: string;
  /** Clock ticks since boot at which the process started (field 22 of /proc/<pid>/stat). */
  startTicks: string;
}

function readProcStat(pid: number): ProcStat | null | 'unsupported' {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No /proc at all: another system. A missing entry of an existing /proc: no such process.
    if (code === 'ENOENT' && !procAvailable()) return 'unsupported';
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces or parentheses: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], startTicks: fields[19] };
}

let procChecked: boolean | null = null;
function procAvailable(): boolean {
  if (procChecked === null) {
    try {
      readFileSync('/proc/self/stat');
      procChecked = true;
    } catch {
      procChecked = false;
    }
  }
  return procChecked;
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown-boot';
  }
}

/** When the system booted (ms since the epoch), to turn a process's start ticks into a time. */
function bootTimeMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('btime '));
    return line ? Number(line.slice(6)) * 1000 : null;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: the unit of the start time in /proc/<pid>/stat, 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function identityOf(pid: number): string | null {
  const stat = readProcStat(pid);
  if (stat === null || stat === 'unsupported') return null;
  return `${bootId()}/${stat.startTicks}`;
}

/** What a run's status.json records about the process training it (nothing where /proc does not exist). */
export function processIdentity(): { processStart?: string } {
  const identity = identityOf(process.pid);
  return identity ? { processStart: identity } : {};
}

/**
 * Whether the process of a `running` run (on this host) is still the one training it.
 * `processStart` is absent in runs written before it was recorded: then a process that started after the run did
 * (a reused pid), pid 1 (the init of a machine or container, never an old run's trainer) and a zombie count as dead.
 */
export function processIsAlive(run: { pid: number; startedAt: string; processStart?: string }): boolean {
  const stat = readProcStat(run.pid);
  if (stat === 'unsupported') {
    try {
      process.kill(run.pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  if (stat === null || stat.state === 'Z' || stat.state === 'X') return false;
  if (run.processStart !== undefined) return run.processStart === `${bootId()}/${stat.startTicks}`;
  if (run.pid === 1) return false;
  const boot = bootTimeMs();
  const started = Date.parse(run.startedAt);
  if (boot === null || !Number.isFinite(started)) return true;
  const processStartedMs = boot + (Number(stat.startTicks) / TICKS_PER_SECOND) * 1000;
  // One second of slack: btime is whole seconds.
  return processStartedMs <= started + 1000;
}
