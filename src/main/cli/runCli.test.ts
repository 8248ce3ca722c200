import { describe, expect, it } from 'vitest';
import type { CliIO } from './command';
import { commands } from './commands';
import { runCli } from './runCli';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('sinapsis command line', () => {
  it('prints the active backend for `info --probe`, wasm being the best one here', async () => {
    const io = capture();
    expect(await runCli(['info', '--probe'], io)).toBe(0);
    expect(io.stdout).toMatch(/backend: (wasm|tensorflow) \(preference: auto\)/);
    expect(io.stdout).toContain('cpu');
  });

  it('lists the installed backends for `info` without starting one', async () => {
    const io = capture();
    expect(await runCli(['info'], io)).toBe(0);
    expect(io.stdout).toContain('backend: not started');
    expect(io.stdout).toContain('wasm: installed, not started');
    expect(io.stdout).toContain('cpu: installed, not started');
    expect(io.stdout).toMatch(/tfjs: \d+\.\d+\.\d+/);
  });

  it('prints app.info as JSON with --json', async () => {
    const io = capture();
    expect(await runCli(['info', '--json', '--backend', 'cpu'], io)).toBe(0);
    const info = JSON.parse(io.stdout);
    expect(info.backend.active).toBe('cpu');
    expect(info.backend.preference).toBe('cpu');
    expect(info.door).toBe('cli');
  });

  it('has --help for every command', async () => {
    for (const command of commands) {
      const io = capture();
      expect(await runCli([command.name, '--help'], io)).toBe(0);
      expect(io.stdout).toContain(`Usage: sinapsis ${command.name}`);
    }
  });

  it('exits 2 with a message for unknown commands and bad flags', async () => {
    const unknown = capture();
    expect(await runCli(['trian'], unknown)).toBe(2);
    expect(unknown.stderr).toContain('unknown command "trian"');
    const badFlag = capture();
    expect(await runCli(['info', '--colour'], badFlag)).toBe(2);
    expect(badFlag.stderr).toContain('--colour');
    const badBackend = capture();
    expect(await runCli(['info', '--backend', 'gpu'], badBackend)).toBe(2);
    expect(badBackend.stderr).toContain('--backend must be one of');
  });
});
