/**
 * The file-access policy at the door of core: which paths a request may name and how a named file is read.
 * Every reader of a user-named path (CSV, image folder scan, image, CLI readers) goes through these.
 */
export { FileAccessPolicy, LOCAL_FILES, isInside, pathNotAllowed, realPathLoose, type FileAccessPolicyOptions } from './fileAccessPolicy';
export { userPath } from './userPath';
export { readRegularFile, readRegularFileSync, type ReadLimit } from './readRegularFile';
