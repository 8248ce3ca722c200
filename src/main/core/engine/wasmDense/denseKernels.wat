;; SIMD kernels for the dense layers of the didactic engine (see layerKernels.ts).
;; Build: wat2wasm denseKernels.wat -o dense.wasm && base64 -w0 dense.wasm   (the bytes live in denseKernelsWasm.ts)
;; All pointers are byte offsets into the one exported memory; arrays are float32. $rows holds, for each sample
;; of the batch, the byte address of its input row (so the kernels never multiply an index by the row length).
;; Both kernels keep eight independent f32x4 sums going: an add waits for the previous add to the same register
;; (3-4 cycles), so fewer chains leave the CPU's two vector adders idle.
(module
  (memory (export "memory") 1)

  ;; net[p * units + j] = (bias ? b[j] : 0) + Σ_i w[j * inputs + i] · x_p[i]   for p < n, j < units
  ;; Blocks of four samples × two neurons: each weight vector load serves four samples, each input vector load
  ;; two neurons; one f32x4 sum per (sample, neuron), lanes added at the end, then the scalar tail. A last block
  ;; of fewer than four samples repeats its last row, and an odd last neuron repeats itself; only real results
  ;; are stored, so every sum is formed the same way wherever its sample sits in the batch.
  (func (export "netInputs")
    (param $w i32) (param $b i32) (param $hasBias i32) (param $rows i32)
    (param $n i32) (param $inputs i32) (param $units i32) (param $net i32)
    (local $p i32) (local $j i32) (local $i i32) (local $count i32) (local $in4 i32) (local $pair i32)
    (local $wa i32) (local $wb i32) (local $out i32) (local $stride i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $va v128) (local $vb v128) (local $x v128)
    (local $s0 f32) (local $s1 f32) (local $s2 f32) (local $s3 f32)
    (local $t0 f32) (local $t1 f32) (local $t2 f32) (local $t3 f32)
    (local $fa f32) (local $fb f32) (local $xs f32) (local $ba f32) (local $bb f32)
    (local.set $in4 (i32.and (local.get $inputs) (i32.const -4)))
    (local.set $stride (i32.shl (local.get $units) (i32.const 2)))
    (local.set $p (i32.const 0))
    (block $doneP
      (loop $loopP
        (br_if $doneP (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $count (i32.sub (local.get $n) (local.get $p)))
        (local.set $r0 (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $r1 (local.get $r0))
        (local.set $r2 (local.get $r0))
        (local.set $r3 (local.get $r0))
        (if (i32.gt_u (local.get $count) (i32.const 1))
          (then (local.set $r1 (i32.load offset=4 (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))
                (local.set $r2 (local.get $r1)) (local.set $r3 (local.get $r1))))
        (if (i32.gt_u (local.get $count) (i32.const 2))
          (then (local.set $r2 (i32.load offset=8 (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))
                (local.set $r3 (local.get $r2))))
        (if (i32.gt_u (local.get $count) (i32.const 3))
          (then (local.set $r3 (i32.load offset=12 (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))))
        (local.set $out (i32.add (local.get $net) (i32.mul (local.get $p) (local.get $stride))))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
            ;; neurons j and j + 1 (j again when it is the last one)
            (local.set $pair (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $units)))
            (local.set $wa (i32.add (local.get $w) (i32.shl (i32.mul (local.get $j) (local.get $inputs)) (i32.const 2))))
            (local.set $wb (select (i32.add (local.get $wa) (i32.shl (local.get $inputs) (i32.const 2))) (local.get $wa) (local.get $pair)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $c0 (v128.const f32x4 0 0 0 0))
            (local.set $a1 (v128.const f32x4 0 0 0 0))
            (local.set $c1 (v128.const f32x4 0 0 0 0))
            (local.set $a2 (v128.const f32x4 0 0 0 0))
            (local.set $c2 (v128.const f32x4 0 0 0 0))
            (local.set $a3 (v128.const f32x4 0 0 0 0))
            (local.set $c3 (v128.const f32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $done4
              (loop $loop4
                (br_if $done4 (i32.ge_u (local.get $i) (local.get $in4)))
                (local.set $va (v128.load (i32.add (local.get $wa) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $vb (v128.load (i32.add (local.get $wb) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $x (v128.load (i32.add (local.get $r0) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $va) (local.get $x))))
                (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $vb) (local.get $x))))
                (local.set $x (v128.load (i32.add (local.get $r1) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $va) (local.get $x))))
                (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $vb) (local.get $x))))
                (local.set $x (v128.load (i32.add (local.get $r2) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $va) (local.get $x))))
                (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $vb) (local.get $x))))
                (local.set $x (v128.load (i32.add (local.get $r3) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $va) (local.get $x))))
                (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $vb) (local.get $x))))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (br $loop4)))
            (local.set $s0 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0))) (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
            (local.set $t0 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $c0)) (f32x4.extract_lane 1 (local.get $c0))) (f32.add (f32x4.extract_lane 2 (local.get $c0)) (f32x4.extract_lane 3 (local.get $c0)))))
            (local.set $s1 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a1)) (f32x4.extract_lane 1 (local.get $a1))) (f32.add (f32x4.extract_lane 2 (local.get $a1)) (f32x4.extract_lane 3 (local.get $a1)))))
            (local.set $t1 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $c1)) (f32x4.extract_lane 1 (local.get $c1))) (f32.add (f32x4.extract_lane 2 (local.get $c1)) (f32x4.extract_lane 3 (local.get $c1)))))
            (local.set $s2 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a2)) (f32x4.extract_lane 1 (local.get $a2))) (f32.add (f32x4.extract_lane 2 (local.get $a2)) (f32x4.extract_lane 3 (local.get $a2)))))
            (local.set $t2 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $c2)) (f32x4.extract_lane 1 (local.get $c2))) (f32.add (f32x4.extract_lane 2 (local.get $c2)) (f32x4.extract_lane 3 (local.get $c2)))))
            (local.set $s3 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a3)) (f32x4.extract_lane 1 (local.get $a3))) (f32.add (f32x4.extract_lane 2 (local.get $a3)) (f32x4.extract_lane 3 (local.get $a3)))))
            (local.set $t3 (f32.add (f32.add (f32x4.extract_lane 0 (local.get $c3)) (f32x4.extract_lane 1 (local.get $c3))) (f32.add (f32x4.extract_lane 2 (local.get $c3)) (f32x4.extract_lane 3 (local.get $c3)))))
            (block $doneT
              (loop $loopT
                (br_if $doneT (i32.ge_u (local.get $i) (local.get $inputs)))
                (local.set $fa (f32.load (i32.add (local.get $wa) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $fb (f32.load (i32.add (local.get $wb) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $xs (f32.load (i32.add (local.get $r0) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $s0 (f32.add (local.get $s0) (f32.mul (local.get $fa) (local.get $xs))))
                (local.set $t0 (f32.add (local.get $t0) (f32.mul (local.get $fb) (local.get $xs))))
                (local.set $xs (f32.load (i32.add (local.get $r1) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $s1 (f32.add (local.get $s1) (f32.mul (local.get $fa) (local.get $xs))))
                (local.set $t1 (f32.add (local.get $t1) (f32.mul (local.get $fb) (local.get $xs))))
                (local.set $xs (f32.load (i32.add (local.get $r2) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $s2 (f32.add (local.get $s2) (f32.mul (local.get $fa) (local.get $xs))))
                (local.set $t2 (f32.add (local.get $t2) (f32.mul (local.get $fb) (local.get $xs))))
                (local.set $xs (f32.load (i32.add (local.get $r3) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $s3 (f32.add (local.get $s3) (f32.mul (local.get $fa) (local.get $xs))))
                (local.set $t3 (f32.add (local.get $t3) (f32.mul (local.get $fb) (local.get $xs))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $loopT)))
            (local.set $ba (f32.const 0))
            (local.set $bb (f32.const 0))
            (if (local.get $hasBias)
              (then
                (local.set $ba (f32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
                (if (local.get $pair)
                  (then (local.set $bb (f32.load offset=4 (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))))))
            (f32.store (i32.add (local.get $out) (i32.add (i32.mul (i32.const 0) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $s0) (local.get $ba)))
                (if (local.get $pair) (then (f32.store offset=4 (i32.add (local.get $out) (i32.add (i32.mul (i32.const 0) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $t0) (local.get $bb)))))
            (if (i32.gt_u (local.get $count) (i32.const 1))
              (then
                (f32.store (i32.add (local.get $out) (i32.add (i32.mul (i32.const 1) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $s1) (local.get $ba)))
                (if (local.get $pair) (then (f32.store offset=4 (i32.add (local.get $out) (i32.add (i32.mul (i32.const 1) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $t1) (local.get $bb)))))))
            (if (i32.gt_u (local.get $count) (i32.const 2))
              (then
                (f32.store (i32.add (local.get $out) (i32.add (i32.mul (i32.const 2) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $s2) (local.get $ba)))
                (if (local.get $pair) (then (f32.store offset=4 (i32.add (local.get $out) (i32.add (i32.mul (i32.const 2) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $t2) (local.get $bb)))))))
            (if (i32.gt_u (local.get $count) (i32.const 3))
              (then
                (f32.store (i32.add (local.get $out) (i32.add (i32.mul (i32.const 3) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $s3) (local.get $ba)))
                (if (local.get $pair) (then (f32.store offset=4 (i32.add (local.get $out) (i32.add (i32.mul (i32.const 3) (local.get $stride)) (i32.shl (local.get $j) (i32.const 2)))) (f32.add (local.get $t3) (local.get $bb)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $loopJ)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $loopP))))

  ;; gw[j * inputs + i] = Σ_p g[p * units + j] · x_p[i]   (overwritten; p in order, as a running sum from 0)
  ;; Sixteen gradients of two neurons' rows are summed over the whole batch in eight f32x4 registers (each input
  ;; vector load serves both neurons) and stored once, instead of a load and a store of each gradient per sample;
  ;; then blocks of four inputs, then one at a time. An odd last neuron pairs with itself (stored once). Samples
  ;; whose g is 0 for both neurons (ReLUs that are off) are skipped.
  (func (export "gradients")
    (param $gw i32) (param $g i32) (param $rows i32)
    (param $n i32) (param $inputs i32) (param $units i32)
    (local $p i32) (local $j i32) (local $i i32) (local $rowA i32) (local $rowB i32) (local $in16 i32) (local $in4 i32)
    (local $gp i32) (local $next i32) (local $xr i32) (local $da f32) (local $db f32) (local $va v128) (local $vb v128)
    (local $stride i32) (local $pair i32) (local $x v128) (local $xs f32) (local $sa f32) (local $sb f32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $in16 (i32.and (local.get $inputs) (i32.const -16)))
    (local.set $in4 (i32.and (local.get $inputs) (i32.const -4)))
    (local.set $stride (i32.shl (local.get $units) (i32.const 2)))
    (local.set $j (i32.const 0))
    (block $doneJ
      (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
        (local.set $pair (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $units)))
        ;; byte distance from neuron j's g to the other neuron's (0 when j pairs with itself)
        (local.set $next (select (i32.const 4) (i32.const 0) (local.get $pair)))
        (local.set $rowA (i32.add (local.get $gw) (i32.shl (i32.mul (local.get $j) (local.get $inputs)) (i32.const 2))))
        (local.set $rowB (i32.add (local.get $rowA) (i32.shl (local.get $inputs) (i32.const 2))))
        (local.set $i (i32.const 0))
        ;; blocks of sixteen inputs
        (block $done16
          (loop $loop16
            (br_if $done16 (i32.ge_u (local.get $i) (local.get $in16)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $c0 (v128.const f32x4 0 0 0 0))
            (local.set $a1 (v128.const f32x4 0 0 0 0))
            (local.set $c1 (v128.const f32x4 0 0 0 0))
            (local.set $a2 (v128.const f32x4 0 0 0 0))
            (local.set $c2 (v128.const f32x4 0 0 0 0))
            (local.set $a3 (v128.const f32x4 0 0 0 0))
            (local.set $c3 (v128.const f32x4 0 0 0 0))
            (local.set $gp (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $doneP16
              (loop $loopP16
                (br_if $doneP16 (i32.ge_u (local.get $p) (local.get $n)))
                ;; both g zero (either sign) when their bits but the signs are 0; splats loaded straight from memory
                (if (i32.and (i32.or (i32.load (local.get $gp)) (i32.load (i32.add (local.get $gp) (local.get $next)))) (i32.const 0x7fffffff))
                  (then
                    (local.set $xr (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2))))
                      (i32.shl (local.get $i) (i32.const 2))))
                    (local.set $va (v128.load32_splat (local.get $gp)))
                    (local.set $vb (v128.load32_splat (i32.add (local.get $gp) (local.get $next))))
                    (local.set $x (v128.load (local.get $xr)))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $va) (local.get $x))))
                    (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $vb) (local.get $x))))
                    (local.set $x (v128.load offset=16 (local.get $xr)))
                    (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $va) (local.get $x))))
                    (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $vb) (local.get $x))))
                    (local.set $x (v128.load offset=32 (local.get $xr)))
                    (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $va) (local.get $x))))
                    (local.set $c2 (f32x4.add (local.get $c2) (f32x4.mul (local.get $vb) (local.get $x))))
                    (local.set $x (v128.load offset=48 (local.get $xr)))
                    (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $va) (local.get $x))))
                    (local.set $c3 (f32x4.add (local.get $c3) (f32x4.mul (local.get $vb) (local.get $x))))
))
                (local.set $gp (i32.add (local.get $gp) (local.get $stride)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopP16)))
            (local.set $xr (i32.add (local.get $rowA) (i32.shl (local.get $i) (i32.const 2))))
            (v128.store (local.get $xr) (local.get $a0))
            (v128.store offset=16 (local.get $xr) (local.get $a1))
            (v128.store offset=32 (local.get $xr) (local.get $a2))
            (v128.store offset=48 (local.get $xr) (local.get $a3))
            (if (local.get $pair)
              (then
                (local.set $xr (i32.add (local.get $rowB) (i32.shl (local.get $i) (i32.const 2))))
                (v128.store (local.get $xr) (local.get $c0))
                (v128.store offset=16 (local.get $xr) (local.get $c1))
                (v128.store offset=32 (local.get $xr) (local.get $c2))
                (v128.store offset=48 (local.get $xr) (local.get $c3))
))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $loop16)))
        ;; blocks of four
        (block $done4
          (loop $loop4
            (br_if $done4 (i32.ge_u (local.get $i) (local.get $in4)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $c0 (v128.const f32x4 0 0 0 0))
            (local.set $gp (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $doneP4
              (loop $loopP4
                (br_if $doneP4 (i32.ge_u (local.get $p) (local.get $n)))
                (local.set $da (f32.load (local.get $gp)))
                (local.set $db (f32.load (i32.add (local.get $gp) (local.get $next))))
                (if (i32.or (f32.ne (local.get $da) (f32.const 0)) (f32.ne (local.get $db) (f32.const 0)))
                  (then
                    (local.set $xr (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2))))
                      (i32.shl (local.get $i) (i32.const 2))))
                    (local.set $va (f32x4.splat (local.get $da)))
                    (local.set $vb (f32x4.splat (local.get $db)))
                    (local.set $x (v128.load (local.get $xr)))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $va) (local.get $x))))
                    (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $vb) (local.get $x))))
))
                (local.set $gp (i32.add (local.get $gp) (local.get $stride)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopP4)))
            (local.set $xr (i32.add (local.get $rowA) (i32.shl (local.get $i) (i32.const 2))))
            (v128.store (local.get $xr) (local.get $a0))
            (if (local.get $pair)
              (then
                (local.set $xr (i32.add (local.get $rowB) (i32.shl (local.get $i) (i32.const 2))))
                (v128.store (local.get $xr) (local.get $c0))
))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $loop4)))
        ;; the last inputs one by one
        (block $doneT
          (loop $loopT
            (br_if $doneT (i32.ge_u (local.get $i) (local.get $inputs)))
            (local.set $sa (f32.const 0))
            (local.set $sb (f32.const 0))
            (local.set $gp (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $donePT
              (loop $loopPT
                (br_if $donePT (i32.ge_u (local.get $p) (local.get $n)))
                (local.set $da (f32.load (local.get $gp)))
                (local.set $db (f32.load (i32.add (local.get $gp) (local.get $next))))
                (if (i32.or (f32.ne (local.get $da) (f32.const 0)) (f32.ne (local.get $db) (f32.const 0)))
                  (then
                    (local.set $xr (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2))))
                      (i32.shl (local.get $i) (i32.const 2))))
                    (local.set $xs (f32.load (local.get $xr)))
                    (local.set $sa (f32.add (local.get $sa) (f32.mul (local.get $da) (local.get $xs))))
                    (local.set $sb (f32.add (local.get $sb) (f32.mul (local.get $db) (local.get $xs))))))
                (local.set $gp (i32.add (local.get $gp) (local.get $stride)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopPT)))
            (f32.store (i32.add (local.get $rowA) (i32.shl (local.get $i) (i32.const 2))) (local.get $sa))
            (if (local.get $pair) (then (f32.store (i32.add (local.get $rowB) (i32.shl (local.get $i) (i32.const 2))) (local.get $sb))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $loopT)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $loopJ))))
;; ---- The fused training pass (fusedDense.ts): every buffer of a batch lives in this memory, so that a batch is a
;; handful of calls with no copies through JavaScript. float64 where the JavaScript path (batchedDense.ts) is float64
;; (weights, activations, sensitivities, the update), float32 for the products above, which is what that path does,
;; operation by operation, so that both give the same numbers (fusedDense.test.ts compares them bit for bit).
;; Activation kinds: 0 identity, 1 sigmoid, 2 ReLU.

  ;; fdlibm's e^x (FreeBSD's e_exp.c, as ported in V8's base/ieee754.cc, which Math.exp uses): the same number as
  ;; Math.exp for every input (wasmDense/fusedDense.test.ts checks millions of them).
  (func $exp (export "exp") (param $x f64) (result f64)
    (local $hx i32) (local $xsb i32) (local $k i32) (local $hi f64) (local $lo f64) (local $t f64) (local $c f64)
    (local $y f64) (local $twopk f64)
    (local.set $hx (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))))
    (local.set $xsb (i32.shr_u (local.get $hx) (i32.const 31)))
    (local.set $hx (i32.and (local.get $hx) (i32.const 0x7fffffff)))
    ;; |x| >= 709.78...: NaN, infinities, overflow and underflow
    (if (i32.ge_u (local.get $hx) (i32.const 0x40862E42))
      (then
        (if (i32.ge_u (local.get $hx) (i32.const 0x7ff00000))
          (then
            (if (f64.ne (local.get $x) (local.get $x)) (then (return (f64.add (local.get $x) (local.get $x)))))
            (return (select (local.get $x) (f64.const 0) (i32.eqz (local.get $xsb))))))
        (if (f64.gt (local.get $x) (f64.const 0x1.62e42fefa39efp+9)) (then (return (f64.const inf))))
        (if (f64.lt (local.get $x) (f64.const -0x1.74910d52d3051p+9)) (then (return (f64.const 0))))))
    ;; argument reduction: x = k ln2 + r, |r| <= 0.5 ln2, r held as hi - lo
    (if (i32.gt_u (local.get $hx) (i32.const 0x3FD62E42))
      (then
        (if (i32.lt_u (local.get $hx) (i32.const 0x3FF0A2B2))
          (then
            (if (f64.eq (local.get $x) (f64.const 1)) (then (return (f64.const 0x1.5bf0a8b145769p+1))))
            (if (local.get $xsb)
              (then
                (local.set $hi (f64.add (local.get $x) (f64.const 0x1.62e42feep-1)))
                (local.set $lo (f64.const -0x1.a39ef35793c76p-33))
                (local.set $k (i32.const -1)))
              (else
                (local.set $hi (f64.sub (local.get $x) (f64.const 0x1.62e42feep-1)))
                (local.set $lo (f64.const 0x1.a39ef35793c76p-33))
                (local.set $k (i32.const 1)))))
          (else
            (local.set $k (i32.trunc_f64_s (f64.add (f64.mul (f64.const 0x1.71547652b82fep+0) (local.get $x))
              (select (f64.const -0.5) (f64.const 0.5) (local.get $xsb)))))
            (local.set $t (f64.convert_i32_s (local.get $k)))
            (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $t) (f64.const 0x1.62e42feep-1))))
            (local.set $lo (f64.mul (local.get $t) (f64.const 0x1.a39ef35793c76p-33)))))
        (local.set $x (f64.sub (local.get $hi) (local.get $lo))))
      (else
        ;; |x| < 2^-28: 1 + x
        (if (i32.lt_u (local.get $hx) (i32.const 0x3e300000)) (then (return (f64.add (f64.const 1) (local.get $x)))))
        (local.set $k (i32.const 0))))
    (local.set $t (f64.mul (local.get $x) (local.get $x)))
    (local.set $twopk (f64.reinterpret_i64 (i64.shl (i64.extend_i32_s
      (i32.add (i32.const 0x3FF)
        (select (local.get $k) (i32.add (local.get $k) (i32.const 1000)) (i32.ge_s (local.get $k) (i32.const -1021)))))
      (i64.const 52))))
    (local.set $c (f64.sub (local.get $x)
      (f64.mul (local.get $t)
        (f64.add (f64.const 0x1.555555555553ep-3)
          (f64.mul (local.get $t)
            (f64.add (f64.const -0x1.6c16c16bebd93p-9)
              (f64.mul (local.get $t)
                (f64.add (f64.const 0x1.1566aaf25de2cp-14)
                  (f64.mul (local.get $t)
                    (f64.add (f64.const -0x1.bbd41c5d26bf1p-20)
                      (f64.mul (local.get $t) (f64.const 0x1.6376972bea4d0p-25))))))))))))
    (if (i32.eqz (local.get $k))
      (then (return (f64.sub (f64.const 1)
        (f64.sub (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (local.get $c) (f64.const 2))) (local.get $x))))))
    (local.set $y (f64.sub (f64.const 1)
      (f64.sub (f64.sub (local.get $lo) (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (f64.const 2) (local.get $c))))
        (local.get $hi))))
    (if (i32.ge_s (local.get $k) (i32.const -1021))
      (then
        (if (i32.eq (local.get $k) (i32.const 1024))
          (then (return (f64.mul (f64.mul (local.get $y) (f64.const 2)) (f64.const 0x1p1023)))))
        (return (f64.mul (local.get $y) (local.get $twopk)))))
    (f64.mul (f64.mul (local.get $y) (local.get $twopk)) (f64.const 0x1p-1000)))

  ;; $exp on two lanes at once, each lane the scalar's operations: its branches become lane masks (|x| <= 0.5 ln2
  ;; keeps x unreduced, 0.5 ln2 < |x| < 1.5 ln2 takes k = ±1, |x| < 2^-28 gives 1 + x, x = 1 gives e), and a pair with
  ;; a NaN or |x| > 700 (where the scalar handles infinities, overflow and subnormal results) goes lane by lane
  ;; through $exp.
  (func $exp2 (param $x v128) (result v128)
    (local $hx v128) (local $t v128) (local $hi v128) (local $lo v128) (local $r v128) (local $tt v128) (local $c v128)
    (local $small v128) (local $rc v128) (local $res v128) (local $twopk v128)
    (if (i32.or
          (v128.any_true (f64x2.ne (local.get $x) (local.get $x)))
          (v128.any_true (f64x2.gt (f64x2.abs (local.get $x)) (v128.const f64x2 700 700))))
      (then
        (return (f64x2.replace_lane 1
          (f64x2.splat (call $exp (f64x2.extract_lane 0 (local.get $x))))
          (call $exp (f64x2.extract_lane 1 (local.get $x)))))))
    (local.set $hx (v128.and (i64x2.shr_u (local.get $x) (i32.const 32)) (v128.const i64x2 0x7fffffff 0x7fffffff)))
    ;; t = k: trunc(x / ln2 ± 0.5), or ±1 in the 1.5 ln2 window, as the scalar's two reductions give it
    (local.set $t (f64x2.trunc (f64x2.add (f64x2.mul (v128.const f64x2 0x1.71547652b82fep+0 0x1.71547652b82fep+0) (local.get $x))
      (v128.or (v128.const f64x2 0.5 0.5) (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))))
    (local.set $t (v128.bitselect
      (v128.or (v128.const f64x2 1 1) (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
      (local.get $t)
      (i64x2.lt_s (local.get $hx) (v128.const i64x2 0x3FF0A2B2 0x3FF0A2B2))))
    (local.set $hi (f64x2.sub (local.get $x) (f64x2.mul (local.get $t) (v128.const f64x2 0x1.62e42feep-1 0x1.62e42feep-1))))
    (local.set $lo (f64x2.mul (local.get $t) (v128.const f64x2 0x1.a39ef35793c76p-33 0x1.a39ef35793c76p-33)))
    (local.set $small (i64x2.le_s (local.get $hx) (v128.const i64x2 0x3FD62E42 0x3FD62E42)))
    (local.set $r (v128.bitselect (local.get $x) (f64x2.sub (local.get $hi) (local.get $lo)) (local.get $small)))
    (local.set $twopk (i64x2.shl
      (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $t))) (v128.const i64x2 0x3FF 0x3FF))
      (i32.const 52)))
    (local.set $tt (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $c (f64x2.sub (local.get $r)
      (f64x2.mul (local.get $tt)
        (f64x2.add (v128.const f64x2 0x1.555555555553ep-3 0x1.555555555553ep-3)
          (f64x2.mul (local.get $tt)
            (f64x2.add (v128.const f64x2 -0x1.6c16c16bebd93p-9 -0x1.6c16c16bebd93p-9)
              (f64x2.mul (local.get $tt)
                (f64x2.add (v128.const f64x2 0x1.1566aaf25de2cp-14 0x1.1566aaf25de2cp-14)
                  (f64x2.mul (local.get $tt)
                    (f64x2.add (v128.const f64x2 -0x1.bbd41c5d26bf1p-20 -0x1.bbd41c5d26bf1p-20)
                      (f64x2.mul (local.get $tt) (v128.const f64x2 0x1.6376972bea4d0p-25 0x1.6376972bea4d0p-25))))))))))))
    ;; q = rc / (2 - c); the scalar's rc / (c - 2) is exactly -q (rounding is symmetric in sign): one division
    (local.set $rc (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (v128.const f64x2 2 2) (local.get $c))))
    (local.set $res (v128.bitselect
      (f64x2.sub (v128.const f64x2 1 1) (f64x2.sub (f64x2.neg (local.get $rc)) (local.get $r)))
      (f64x2.mul
        (f64x2.sub (v128.const f64x2 1 1) (f64x2.sub (f64x2.sub (local.get $lo) (local.get $rc)) (local.get $hi)))
        (local.get $twopk))
      (local.get $small)))
    (local.set $res (v128.bitselect (f64x2.add (v128.const f64x2 1 1) (local.get $x)) (local.get $res)
      (i64x2.lt_s (local.get $hx) (v128.const i64x2 0x3e300000 0x3e300000))))
    (v128.bitselect (v128.const f64x2 0x1.5bf0a8b145769p+1 0x1.5bf0a8b145769p+1) (local.get $res)
      (f64x2.eq (local.get $x) (v128.const f64x2 1 1))))

  ;; $exp2 for the test that compares it with Math.exp
  (func (export "expPair") (param $a f64) (param $b f64) (result f64 f64)
    (local $v v128)
    (local.set $v (call $exp2 (f64x2.replace_lane 1 (f64x2.splat (local.get $a)) (local.get $b))))
    (f64x2.extract_lane 0 (local.get $v))
    (f64x2.extract_lane 1 (local.get $v)))

  ;; sigmoidOutput on two lanes: e = e^-|x| is the e^-x of its x >= 0 branch and the e^x of the other
  (func $sigmoid2 (param $x v128) (result v128)
    (local $e v128) (local $d v128)
    (local.set $e (call $exp2 (f64x2.neg (f64x2.abs (local.get $x)))))
    (local.set $d (f64x2.add (v128.const f64x2 1 1) (local.get $e)))
    (v128.bitselect
      (f64x2.div (v128.const f64x2 1 1) (local.get $d))
      (f64x2.div (local.get $e) (local.get $d))
      (f64x2.ge (local.get $x) (v128.const f64x2 0 0))))

  ;; activations.ts's sigmoidOutput, with its two branches
  (func $sigmoid (param $x f64) (result f64)
    (local $e f64)
    (if (f64.ge (local.get $x) (f64.const 0))
      (then (return (f64.div (f64.const 1) (f64.add (f64.const 1) (call $exp (f64.neg (local.get $x))))))))
    (local.set $e (call $exp (local.get $x)))
    (f64.div (local.get $e) (f64.add (f64.const 1) (local.get $e))))

  ;; dst32[i] = src64[i] rounded to float32 (a layer's weights for the float32 products), two at a time
  (func $demote (export "demote") (param $src i32) (param $dst i32) (param $count i32)
    (local $i i32) (local $n4 i32)
    (local.set $n4 (i32.and (local.get $count) (i32.const -4)))
    (block $done4 (loop $loop4
      (br_if $done4 (i32.ge_u (local.get $i) (local.get $n4)))
      (v128.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 2)))
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (v128.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
          (f32x4.demote_f64x2_zero (v128.load offset=16 (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $loop4)))
    (block $done (loop $loop
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (f32.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 2)))
        (f32.demote_f64 (f64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loop))))

  ;; A hidden layer's outputs from its float32 net inputs: net64 = net32 as float64, out64 = f(net64), out32 = out64
  ;; rounded to float32 (the next layer's inputs).
  (func (export "activate") (param $kind i32) (param $net32 i32) (param $net64 i32) (param $out64 i32) (param $out32 i32) (param $count i32)
    (local $i i32) (local $x f64) (local $y f64) (local $xv v128) (local $yv v128) (local $count2 i32)
    ;; the sigmoid two at a time
    (if (i32.eq (local.get $kind) (i32.const 1))
      (then
        (local.set $count2 (i32.and (local.get $count) (i32.const -2)))
        (block $done2 (loop $loop2
          (br_if $done2 (i32.ge_u (local.get $i) (local.get $count2)))
          (local.set $xv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $net32) (i32.shl (local.get $i) (i32.const 2))))))
          (v128.store (i32.add (local.get $net64) (i32.shl (local.get $i) (i32.const 3))) (local.get $xv))
          (local.set $yv (call $sigmoid2 (local.get $xv)))
          (v128.store (i32.add (local.get $out64) (i32.shl (local.get $i) (i32.const 3))) (local.get $yv))
          (v128.store64_lane 0 (i32.add (local.get $out32) (i32.shl (local.get $i) (i32.const 2))) (f32x4.demote_f64x2_zero (local.get $yv)))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $loop2)))))
    (block $done (loop $loop
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $x (f64.promote_f32 (f32.load (i32.add (local.get $net32) (i32.shl (local.get $i) (i32.const 2))))))
      (f64.store (i32.add (local.get $net64) (i32.shl (local.get $i) (i32.const 3))) (local.get $x))
      (local.set $y (local.get $x))
      (if (i32.eq (local.get $kind) (i32.const 1)) (then (local.set $y (call $sigmoid (local.get $x)))))
      (if (i32.eq (local.get $kind) (i32.const 2))
        (then (if (i32.eqz (f64.ge (local.get $x) (f64.const 0))) (then (local.set $y (f64.const 0))))))
      (f64.store (i32.add (local.get $out64) (i32.shl (local.get $i) (i32.const 3))) (local.get $y))
      (f32.store (i32.add (local.get $out32) (i32.shl (local.get $i) (i32.const 2))) (f32.demote_f64 (local.get $y)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loop))))

  ;; The softmax output with cross-entropy, per sample p < n of k classes: out64 = softmax(net32 as float64) (the max
  ;; subtracted first), g64 = out64 - one-hot(label) (the simplified ∂J/∂a), prob64[p] = out64[label] (for the loss,
  ;; whose log JavaScript takes); returns how many samples have their label as the first largest output.
  (func (export "softmaxCrossEntropy")
    (param $net32 i32) (param $out64 i32) (param $labels i32) (param $n i32) (param $k i32) (param $g64 i32) (param $prob i32)
    (result i32)
    (local $p i32) (local $j i32) (local $in i32) (local $out i32) (local $g i32) (local $best i32) (local $label i32)
    (local $correct i32) (local $max f64) (local $sum f64) (local $v f64) (local $e2 v128)
    (block $doneP (loop $loopP
      (br_if $doneP (i32.ge_u (local.get $p) (local.get $n)))
      (local.set $in (i32.add (local.get $net32) (i32.shl (i32.mul (local.get $p) (local.get $k)) (i32.const 2))))
      (local.set $out (i32.add (local.get $out64) (i32.shl (i32.mul (local.get $p) (local.get $k)) (i32.const 3))))
      (local.set $g (i32.add (local.get $g64) (i32.shl (i32.mul (local.get $p) (local.get $k)) (i32.const 3))))
      (local.set $max (f64.const -inf))
      (local.set $j (i32.const 0))
      (block $d1 (loop $l1
        (br_if $d1 (i32.ge_u (local.get $j) (local.get $k)))
        (local.set $max (f64.max (local.get $max) (f64.promote_f32 (f32.load (i32.add (local.get $in) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l1)))
      (local.set $sum (f64.const 0))
      (local.set $j (i32.const 0))
      ;; e^(v - max) two at a time, added to the sum in j order
      (block $d2p (loop $l2p
        (br_if $d2p (i32.ge_u (i32.add (local.get $j) (i32.const 1)) (local.get $k)))
        (local.set $e2 (call $exp2 (f64x2.sub
          (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $in) (i32.shl (local.get $j) (i32.const 2)))))
          (f64x2.splat (local.get $max)))))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $e2))
        (local.set $sum (f64.add (f64.add (local.get $sum) (f64x2.extract_lane 0 (local.get $e2))) (f64x2.extract_lane 1 (local.get $e2))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $l2p)))
      (block $d2 (loop $l2
        (br_if $d2 (i32.ge_u (local.get $j) (local.get $k)))
        (local.set $v (call $exp (f64.sub (f64.promote_f32 (f32.load (i32.add (local.get $in) (i32.shl (local.get $j) (i32.const 2)))))
          (local.get $max))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $v))
        (local.set $sum (f64.add (local.get $sum) (local.get $v)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l2)))
      (local.set $j (i32.const 0))
      (block $d3 (loop $l3
        (br_if $d3 (i32.ge_u (local.get $j) (local.get $k)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.div (f64.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))) (local.get $sum)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l3)))
      (local.set $best (i32.const 0))
      (local.set $j (i32.const 1))
      (block $d4 (loop $l4
        (br_if $d4 (i32.ge_u (local.get $j) (local.get $k)))
        (if (f64.gt (f64.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
                    (f64.load (i32.add (local.get $out) (i32.shl (local.get $best) (i32.const 3)))))
          (then (local.set $best (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l4)))
      (local.set $label (i32.load (i32.add (local.get $labels) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $correct (i32.add (local.get $correct) (i32.eq (local.get $best) (local.get $label))))
      (f64.store (i32.add (local.get $prob) (i32.shl (local.get $p) (i32.const 3)))
        (f64.load (i32.add (local.get $out) (i32.shl (local.get $label) (i32.const 3)))))
      (local.set $j (i32.const 0))
      (block $d5 (loop $l5
        (br_if $d5 (i32.ge_u (local.get $j) (local.get $k)))
        (f64.store (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 3)))
          (f64.sub (f64.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
            (select (f64.const 1) (f64.const 0) (i32.eq (local.get $j) (local.get $label)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $l5)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $loopP)))
    (local.get $correct))

  ;; A hidden layer's ∂J/∂a: g[p, j] = f'(v[p, j]) Σ_k wNext[k, j] gNext[p, k], the sum from 0 in k order; v is the
  ;; output for the sigmoid (f' = y (1 - y)) and the net input for ReLU (f' = 1 when v >= 0, else 0). Two neurons
  ;; at a time in f64x2 lanes (each lane the same operations as one scalar sum), then an odd last neuron alone.
  (func (export "hiddenGradients")
    (param $kind i32) (param $gNext i32) (param $wNext i32) (param $nextUnits i32) (param $g i32) (param $v i32)
    (param $n i32) (param $units i32)
    (local $p i32) (local $j i32) (local $q i32) (local $at i32) (local $row i32) (local $wStride i32) (local $wp i32)
    (local $s f64) (local $y f64) (local $sv v128) (local $yv v128) (local $units2 i32)
    (local.set $wStride (i32.shl (local.get $units) (i32.const 3)))
    (local.set $units2 (i32.and (local.get $units) (i32.const -2)))
    (block $doneP (loop $loopP
      (br_if $doneP (i32.ge_u (local.get $p) (local.get $n)))
      (local.set $row (i32.add (local.get $gNext) (i32.shl (i32.mul (local.get $p) (local.get $nextUnits)) (i32.const 3))))
      (local.set $j (i32.const 0))
      (block $doneJ2 (loop $loopJ2
        (br_if $doneJ2 (i32.ge_u (local.get $j) (local.get $units2)))
        (local.set $sv (v128.const f64x2 0 0))
        (local.set $wp (i32.add (local.get $wNext) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $q (i32.const 0))
        (block $doneK2 (loop $loopK2
          (br_if $doneK2 (i32.ge_u (local.get $q) (local.get $nextUnits)))
          (local.set $sv (f64x2.add (local.get $sv)
            (f64x2.mul (v128.load (local.get $wp)) (v128.load64_splat (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 3)))))))
          (local.set $wp (i32.add (local.get $wp) (local.get $wStride)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $loopK2)))
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $p) (local.get $units)) (local.get $j)) (i32.const 3)))
        (local.set $yv (v128.load (i32.add (local.get $v) (local.get $at))))
        (if (i32.eq (local.get $kind) (i32.const 1))
          (then (local.set $sv (f64x2.mul (local.get $sv) (f64x2.mul (local.get $yv) (f64x2.sub (v128.const f64x2 1 1) (local.get $yv)))))))
        (if (i32.eq (local.get $kind) (i32.const 2))
          (then (local.set $sv (f64x2.mul (local.get $sv)
            (v128.bitselect (v128.const f64x2 1 1) (v128.const f64x2 0 0) (f64x2.ge (local.get $yv) (v128.const f64x2 0 0)))))))
        (v128.store (i32.add (local.get $g) (local.get $at)) (local.get $sv))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $loopJ2)))
      (block $doneJ (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
        (local.set $s (f64.const 0))
        (local.set $q (i32.const 0))
        (block $doneK (loop $loopK
          (br_if $doneK (i32.ge_u (local.get $q) (local.get $nextUnits)))
          (local.set $s (f64.add (local.get $s)
            (f64.mul
              (f64.load (i32.add (local.get $wNext) (i32.shl (i32.add (i32.mul (local.get $q) (local.get $units)) (local.get $j)) (i32.const 3))))
              (f64.load (i32.add (local.get $row) (i32.shl (local.get $q) (i32.const 3)))))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $loopK)))
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $p) (local.get $units)) (local.get $j)) (i32.const 3)))
        (local.set $y (f64.load (i32.add (local.get $v) (local.get $at))))
        (if (i32.eq (local.get $kind) (i32.const 1))
          (then (local.set $s (f64.mul (local.get $s) (f64.mul (local.get $y) (f64.sub (f64.const 1) (local.get $y)))))))
        (if (i32.eq (local.get $kind) (i32.const 2))
          (then (local.set $s (f64.mul (local.get $s) (select (f64.const 1) (f64.const 0) (f64.ge (local.get $y) (f64.const 0)))))))
        (f64.store (i32.add (local.get $g) (local.get $at)) (local.get $s))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $loopJ)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $loopP))))

  ;; The batch mean and the bias gradient: g64 *= scale (1 / n), g32 = g64 as float32 (for `gradients`) and
  ;; gb[j] = Σ_p g64[p, j], the sum from 0 in sample order.
  (func (export "scaleAndBiasGradients") (param $g64 i32) (param $g32 i32) (param $n i32) (param $units i32) (param $scale f64) (param $gb i32)
    (local $i i32) (local $j i32) (local $count i32) (local $v f64)
    (local.set $count (i32.mul (local.get $n) (local.get $units)))
    (block $done (loop $loop
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $v (f64.mul (f64.load (i32.add (local.get $g64) (i32.shl (local.get $i) (i32.const 3)))) (local.get $scale)))
      (f64.store (i32.add (local.get $g64) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))
      (f32.store (i32.add (local.get $g32) (i32.shl (local.get $i) (i32.const 2))) (f32.demote_f64 (local.get $v)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loop)))
    (if (i32.eqz (local.get $gb)) (then (return)))
    (block $doneZ (loop $loopZ
      (br_if $doneZ (i32.ge_u (local.get $j) (local.get $units)))
      (f64.store (i32.add (local.get $gb) (i32.shl (local.get $j) (i32.const 3))) (f64.const 0))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $loopZ)))
    (local.set $i (i32.const 0))
    (block $doneS (loop $loopS
      (br_if $doneS (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $j (i32.add (local.get $gb) (i32.shl (i32.rem_u (local.get $i) (local.get $units)) (i32.const 3))))
      (f64.store (local.get $j) (f64.add (f64.load (local.get $j)) (f64.load (i32.add (local.get $g64) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loopS))))

  ;; Plain SGD on float64 weights: w -= lr g, with g float32 (weight gradients) or float64 (bias gradients).
  (func (export "sgd32") (param $w i32) (param $g i32) (param $count i32) (param $lr f64)
    (local $i i32) (local $n4 i32) (local $gv v128) (local $lv v128) (local $at i32)
    (local.set $n4 (i32.and (local.get $count) (i32.const -4)))
    (local.set $lv (f64x2.splat (local.get $lr)))
    (block $done4 (loop $loop4
      (br_if $done4 (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $gv (v128.load (i32.add (local.get $g) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $at (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $at)
        (f64x2.sub (v128.load (local.get $at)) (f64x2.mul (local.get $lv) (f64x2.promote_low_f32x4 (local.get $gv)))))
      (v128.store offset=16 (local.get $at)
        (f64x2.sub (v128.load offset=16 (local.get $at))
          (f64x2.mul (local.get $lv) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $gv) (local.get $gv))))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $loop4)))
    (block $done (loop $loop
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $at (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3))))
      (f64.store (local.get $at) (f64.sub (f64.load (local.get $at))
        (f64.mul (local.get $lr) (f64.promote_f32 (f32.load (i32.add (local.get $g) (i32.shl (local.get $i) (i32.const 2))))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loop))))

  (func (export "sgd64") (param $w i32) (param $g i32) (param $count i32) (param $lr f64)
    (local $i i32) (local $at i32)
    (block $done (loop $loop
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $at (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3))))
      (f64.store (local.get $at) (f64.sub (f64.load (local.get $at))
        (f64.mul (local.get $lr) (f64.load (i32.add (local.get $g) (i32.shl (local.get $i) (i32.const 3)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loop))))
)
