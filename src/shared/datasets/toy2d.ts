import { createSeededRandom, type SeededRandom } from '../didactic/seededRandom';
import type { TabularData } from './tabularData';

/**
 * Two-dimensional toy classification sets in the style of TensorFlow Playground (src/dataset.ts there):
 * points live in roughly [-6, 6] x [-6, 6], and `noise` (0..1) blurs the class boundary. Pure and seeded:
 * the same options always give the same points, in the renderer and in the core.
 */
export interface Toy2dOptions {
  samples: number;
  noise: number;
  seed: number;
  /** Blobs only: number of Gaussian clusters (2..8). */
  classes?: number;
}

const RADIUS = 5;

function finish(name: string, points: { x: number; y: number; label: number }[], classCount: number): TabularData {
  return {
    name,
    featureNames: ['x1', 'x2'],
    features: points.map((p) => [p.x, p.y]),
    targets: points.map((p) => p.label),
    task: 'classification',
    classNames: Array.from({ length: classCount }, (_, i) => String(i)),
  };
}

/** Class 1 inside a disc of radius 2.5, class 0 in a ring from 3.5 to 5; noise shifts points across the gap. */
export function circles({ samples, noise, seed }: Toy2dOptions): TabularData {
  const random = createSeededRandom(seed);
  const points: { x: number; y: number; label: number }[] = [];
  const half = Math.floor(samples / 2);
  const addRing = (count: number, rMin: number, rMax: number) => {
    for (let i = 0; i < count; i++) {
      const r = random.uniform(rMin, rMax);
      const angle = random.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle) + random.uniform(-RADIUS, RADIUS) * noise;
      const y = r * Math.cos(angle) + random.uniform(-RADIUS, RADIUS) * noise;
      // As in the playground, the label follows the noisy position, so noise makes the classes overlap.
      points.push({ x, y, label: Math.hypot(x, y) < RADIUS * 0.5 ? 1 : 0 });
    }
  };
  addRing(half, 0, RADIUS * 0.5);
  addRing(samples - half, RADIUS * 0.7, RADIUS);
  return finish('circles', points, 2);
}

/** Points in [-5, 5]^2 away from the axes; class 1 where x*y >= 0 (first and third quadrants). */
export function xorQuadrants({ samples, noise, seed }: Toy2dOptions): TabularData {
  const random = createSeededRandom(seed);
  const padding = 0.3;
  const points: { x: number; y: number; label: number }[] = [];
  const coordinate = (r: SeededRandom) => {
    const value = r.uniform(-RADIUS, RADIUS);
    return value > 0 ? value + padding : value - padding;
  };
  for (let i = 0; i < samples; i++) {
    const x = coordinate(random);
    const y = coordinate(random);
    const label = x * y >= 0 ? 1 : 0;
    points.push({ x: x + random.uniform(-RADIUS, RADIUS) * noise, y: y + random.uniform(-RADIUS, RADIUS) * noise, label });
  }
  return finish('xor-quadrants', points, 2);
}

/** Two interleaved spiral arms, one per class. */
export function spirals({ samples, noise, seed }: Toy2dOptions): TabularData {
  const random = createSeededRandom(seed);
  const points: { x: number; y: number; label: number }[] = [];
  const half = Math.floor(samples / 2);
  const arm = (count: number, deltaT: number, label: number) => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * RADIUS;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      points.push({ x: r * Math.sin(t) + random.uniform(-1, 1) * noise, y: r * Math.cos(t) + random.uniform(-1, 1) * noise, label });
    }
  };
  arm(half, 0, 1);
  arm(samples - half, Math.PI, 0);
  return finish('spirals', points, 2);
}

/**
 * Gaussian clusters. With 2 classes the centres are (2, 2) and (-2, -2) as in the playground; with more they
 * sit on a circle of radius 3. The spread grows with noise (variance 0.5 at 0 up to 4 at 1).
 */
export function blobs({ samples, noise, seed, classes = 2 }: Toy2dOptions): TabularData {
  if (!Number.isInteger(classes) || classes < 2 || classes > 8) throw new RangeError(`Blobs need 2 to 8 classes (got ${classes}).`);
  const random = createSeededRandom(seed);
  const variance = 0.5 + (4 - 0.5) * noise;
  const sd = Math.sqrt(variance);
  const centres =
    classes === 2
      ? [
          [-2, -2],
          [2, 2],
        ]
      : Array.from({ length: classes }, (_, k) => [3 * Math.cos((2 * Math.PI * k) / classes), 3 * Math.sin((2 * Math.PI * k) / classes)]);
  const points: { x: number; y: number; label: number }[] = [];
  for (let i = 0; i < samples; i++) {
    const label = i % classes;
    points.push({ x: centres[label][0] + random.normal() * sd, y: centres[label][1] + random.normal() * sd, label });
  }
  return finish(classes === 2 ? 'blobs' : `blobs-${classes}`, points, classes);
}
