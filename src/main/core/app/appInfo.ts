import * as tf from '@tensorflow/tfjs';
import { availableParallelism } from 'node:os';
import type { AppInfo, Door } from '../../../shared/contract/app';
import { backendStatus } from '../engine/backends';
import { APP_NAME, APP_VERSION } from './version';

export async function appInfo(door: Door): Promise<AppInfo> {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    platform: process.platform,
    arch: process.arch,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    door,
    cores: availableParallelism(),
    tfjs: tf.version.tfjs,
    backend: await backendStatus(),
  };
}
