import { SinapsisError } from '../../../shared/contract/errors';
import {
  PROJECT_FILE_SUFFIX,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  projectFileSchema,
  type ProjectFile,
} from '../../../shared/contract/project';

/**
 * Reads a `*.sinapsis.json` text. Each way it can be wrong has its own message (which file, what is wrong, what
 * to do); the caller changes nothing until this returns.
 */
export function parseProjectText(text: string, fileName: string): ProjectFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SinapsisError(
      'project-not-json',
      `${fileName} is not a Sinapsis project: it is not JSON text. Choose a file ending in ${PROJECT_FILE_SUFFIX}.`,
      { file: fileName },
    );
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== PROJECT_FORMAT) {
    throw new SinapsisError(
      'project-not-a-project',
      `${fileName} is JSON but not a Sinapsis project (it has no "format": "${PROJECT_FORMAT}"). Choose a file saved with "Guardar proyecto".`,
      { file: fileName },
    );
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > PROJECT_FORMAT_VERSION) {
    throw new SinapsisError(
      'project-newer-version',
      `${fileName} was saved by a newer Sinapsis (project format ${head.formatVersion}; this version reads up to ${PROJECT_FORMAT_VERSION}). Update Sinapsis to open it.`,
      { file: fileName, version: head.formatVersion, supported: PROJECT_FORMAT_VERSION },
    );
  }
  const parsed = projectFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join('.') : '(file)';
    throw new SinapsisError(
      'project-invalid',
      `${fileName} is a damaged Sinapsis project: the field "${field}" is missing or has a wrong value. Save the project again, or ask for a new copy.`,
      {
        file: fileName,
        field,
      },
    );
  }
  return parsed.data;
}

/** The file name a project is saved as: its name with only safe characters, plus `.sinapsis.json`. */
export function projectFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${safe || 'proyecto'}${PROJECT_FILE_SUFFIX}`;
}
