import { describe, expect, it } from 'vitest';
import { joinNegativeValues, parseCommandArgs } from './args';

const options = { row: { type: 'string' }, epochs: { type: 'string', short: 'e' }, json: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it('reads a negative value typed after its option, as node parseArgs refuses it as ambiguous', () => {
    expect(parseCommandArgs('predict', ['--row', '-1,2.5,3'], options).values.row).toBe('-1,2.5,3');
    expect(parseCommandArgs('predict', ['-e', '-3'], options).values.epochs).toBe('-3');
    expect(parseCommandArgs('predict', ['--row', '-.5,1'], options).values.row).toBe('-.5,1');
  });

  it('leaves flags alone: a boolean before a dash-number and an option followed by another option', () => {
    expect(joinNegativeValues(['--json', '-1'], options)).toEqual(['--json', '-1']);
    expect(() => parseCommandArgs('predict', ['--row', '--json'], options)).toThrow(/--row/);
    expect(joinNegativeValues(['--row=-1,2'], options)).toEqual(['--row=-1,2']);
  });

  it('names the command and the help in the refusal of an unknown flag', () => {
    expect(() => parseCommandArgs('predict', ['--nope'], options)).toThrow(/sinapsis predict --help/);
  });
});
