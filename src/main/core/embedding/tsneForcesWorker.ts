import { parentPort } from 'node:worker_threads';
import { forcesOf, QuadTree, TRAVERSAL_STACK } from './barnesHut';
import { CONTROL, PARAMETER, type ForcesSetup } from './splitForces';

/*
 * Worker-thread entry (registered as `tsneForces`): the second half of t-SNE's rows for splitForces.ts. It waits
 * on the shared control array, builds the same quadtree from the shared positions, writes its rows' forces and
 * shares of Z, and says done; it never touches the first half's rows.
 */
if (!parentPort) throw new Error('tsneForcesWorker must run as a worker thread (spawnCoreWorker("tsneForces")).');
parentPort.once('message', (setup: ForcesSetup) => {
  const { rows, from, control, parameters, y, repulsion, attraction, qSums, p } = setup;
  const tree = new QuadTree();
  const stack = new Int32Array(TRAVERSAL_STACK);
  const angle2 = parameters[PARAMETER.angle2];
  let seen = 0;
  Atomics.store(control, CONTROL.ready, 1);
  try {
    for (;;) {
      Atomics.wait(control, CONTROL.request, seen);
      if (Atomics.load(control, CONTROL.stop) === 1) return;
      const generation = Atomics.load(control, CONTROL.request);
      if (generation === seen) continue;
      seen = generation;
      tree.build(y, rows);
      forcesOf(tree, p, parameters[PARAMETER.exaggeration], y, from, rows, angle2, repulsion, attraction, qSums, stack);
      Atomics.store(control, CONTROL.done, generation);
      Atomics.notify(control, CONTROL.done);
    }
  } catch {
    Atomics.store(control, CONTROL.failed, 1);
    Atomics.notify(control, CONTROL.done);
  }
});
