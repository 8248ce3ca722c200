;; SIMD kernels for the first dense layer of the didactic engine (see firstLayerKernels.ts).
;; Build: wat2wasm denseKernels.wat -o dense.wasm && base64 -w0 dense.wasm   (the bytes live in denseKernelsWasm.ts)
;; All pointers are byte offsets into the one exported memory; arrays are float32. $rows holds, for each sample
;; of the batch, the byte address of its input row (so the kernels never multiply an index by the row length).
(module
  (memory (export "memory") 1)

  ;; net[p * units + j] = (bias ? b[j] : 0) + Σ_i w[j * inputs + i] · x_p[i]   for p < n, j < units
  ;; Four samples at a time share each load of a weight vector (one f32x4 sum per sample, lanes added at the
  ;; end, then the scalar tail). A last block of fewer than four samples repeats its last row and keeps only
  ;; the real ones, so every sample's sum is formed the same way wherever it sits in the batch.
  (func (export "netInputs")
    (param $w i32) (param $b i32) (param $hasBias i32) (param $rows i32)
    (param $n i32) (param $inputs i32) (param $units i32) (param $net i32)
    (local $p i32) (local $j i32) (local $i i32) (local $wrow i32) (local $count i32) (local $in4 i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $wv v128)
    (local $s0 f32) (local $s1 f32) (local $s2 f32) (local $s3 f32) (local $wi f32) (local $bias f32) (local $out i32)
    (local.set $in4 (i32.and (local.get $inputs) (i32.const -4)))
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
        (local.set $wrow (local.get $w))
        (local.set $out (i32.add (local.get $net) (i32.shl (i32.mul (local.get $p) (local.get $units)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $a1 (v128.const f32x4 0 0 0 0))
            (local.set $a2 (v128.const f32x4 0 0 0 0))
            (local.set $a3 (v128.const f32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $done4
              (loop $loop4
                (br_if $done4 (i32.ge_u (local.get $i) (local.get $in4)))
                (local.set $wv (v128.load (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $wv)
                  (v128.load (i32.add (local.get $r0) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $wv)
                  (v128.load (i32.add (local.get $r1) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $wv)
                  (v128.load (i32.add (local.get $r2) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $wv)
                  (v128.load (i32.add (local.get $r3) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (br $loop4)))
            (local.set $s0 (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
              (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
            (local.set $s1 (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $a1)) (f32x4.extract_lane 1 (local.get $a1)))
              (f32.add (f32x4.extract_lane 2 (local.get $a1)) (f32x4.extract_lane 3 (local.get $a1)))))
            (local.set $s2 (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $a2)) (f32x4.extract_lane 1 (local.get $a2)))
              (f32.add (f32x4.extract_lane 2 (local.get $a2)) (f32x4.extract_lane 3 (local.get $a2)))))
            (local.set $s3 (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $a3)) (f32x4.extract_lane 1 (local.get $a3)))
              (f32.add (f32x4.extract_lane 2 (local.get $a3)) (f32x4.extract_lane 3 (local.get $a3)))))
            (block $doneT
              (loop $loopT
                (br_if $doneT (i32.ge_u (local.get $i) (local.get $inputs)))
                (local.set $wi (f32.load (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $s0 (f32.add (local.get $s0) (f32.mul (local.get $wi) (f32.load (i32.add (local.get $r0) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $s1 (f32.add (local.get $s1) (f32.mul (local.get $wi) (f32.load (i32.add (local.get $r1) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $s2 (f32.add (local.get $s2) (f32.mul (local.get $wi) (f32.load (i32.add (local.get $r2) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $s3 (f32.add (local.get $s3) (f32.mul (local.get $wi) (f32.load (i32.add (local.get $r3) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $loopT)))
            (local.set $bias (f32.const 0))
            (if (local.get $hasBias)
              (then (local.set $bias (f32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))))
            (f32.store (local.get $out) (f32.add (local.get $s0) (local.get $bias)))
            (if (i32.gt_u (local.get $count) (i32.const 1))
              (then (f32.store (i32.add (local.get $out) (i32.shl (local.get $units) (i32.const 2))) (f32.add (local.get $s1) (local.get $bias)))))
            (if (i32.gt_u (local.get $count) (i32.const 2))
              (then (f32.store (i32.add (local.get $out) (i32.shl (local.get $units) (i32.const 3))) (f32.add (local.get $s2) (local.get $bias)))))
            (if (i32.gt_u (local.get $count) (i32.const 3))
              (then (f32.store (i32.add (local.get $out) (i32.mul (local.get $units) (i32.const 12))) (f32.add (local.get $s3) (local.get $bias)))))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $wrow (i32.add (local.get $wrow) (i32.shl (local.get $inputs) (i32.const 2))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $loopJ)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $loopP))))

  ;; gw[j * inputs + i] = Σ_p g[p * units + j] · x_p[i]   (overwritten; p in order, as a running sum from 0)
  ;; Sixteen gradients of one row are summed over the whole batch in four f32x4 registers and stored once,
  ;; instead of a load and a store of each gradient per sample. Samples whose g is 0 (a ReLU that is off) are
  ;; skipped.
  (func (export "gradients")
    (param $gw i32) (param $g i32) (param $rows i32)
    (param $n i32) (param $inputs i32) (param $units i32)
    (local $p i32) (local $j i32) (local $i i32) (local $wrow i32) (local $in16 i32) (local $in4 i32)
    (local $gp i32) (local $xr i32) (local $d f32) (local $dv v128) (local $stride i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $s f32)
    (local.set $in16 (i32.and (local.get $inputs) (i32.const -16)))
    (local.set $in4 (i32.and (local.get $inputs) (i32.const -4)))
    (local.set $stride (i32.shl (local.get $units) (i32.const 2)))
    (local.set $wrow (local.get $gw))
    (local.set $j (i32.const 0))
    (block $doneJ
      (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
        (local.set $i (i32.const 0))
        ;; blocks of sixteen inputs
        (block $done16
          (loop $loop16
            (br_if $done16 (i32.ge_u (local.get $i) (local.get $in16)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $a1 (v128.const f32x4 0 0 0 0))
            (local.set $a2 (v128.const f32x4 0 0 0 0))
            (local.set $a3 (v128.const f32x4 0 0 0 0))
            (local.set $gp (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $doneP
              (loop $loopP
                (br_if $doneP (i32.ge_u (local.get $p) (local.get $n)))
                (local.set $d (f32.load (local.get $gp)))
                (if (f32.ne (local.get $d) (f32.const 0))
                  (then
                    (local.set $dv (f32x4.splat (local.get $d)))
                    (local.set $xr (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2))))
                      (i32.shl (local.get $i) (i32.const 2))))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $dv) (v128.load (local.get $xr)))))
                    (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $dv) (v128.load offset=16 (local.get $xr)))))
                    (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $dv) (v128.load offset=32 (local.get $xr)))))
                    (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $dv) (v128.load offset=48 (local.get $xr)))))))
                (local.set $gp (i32.add (local.get $gp) (local.get $stride)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopP)))
            (local.set $xr (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
            (v128.store (local.get $xr) (local.get $a0))
            (v128.store offset=16 (local.get $xr) (local.get $a1))
            (v128.store offset=32 (local.get $xr) (local.get $a2))
            (v128.store offset=48 (local.get $xr) (local.get $a3))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $loop16)))
        ;; blocks of four
        (block $done4
          (loop $loop4
            (br_if $done4 (i32.ge_u (local.get $i) (local.get $in4)))
            (local.set $a0 (v128.const f32x4 0 0 0 0))
            (local.set $gp (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $doneP4
              (loop $loopP4
                (br_if $doneP4 (i32.ge_u (local.get $p) (local.get $n)))
                (local.set $d (f32.load (local.get $gp)))
                (if (f32.ne (local.get $d) (f32.const 0))
                  (then
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (f32x4.splat (local.get $d))
                      (v128.load (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2))))
                        (i32.shl (local.get $i) (i32.const 2)))))))))
                (local.set $gp (i32.add (local.get $gp) (local.get $stride)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopP4)))
            (v128.store (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))) (local.get $a0))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $loop4)))
        ;; the last inputs one by one
        (block $doneT
          (loop $loopT
            (br_if $doneT (i32.ge_u (local.get $i) (local.get $inputs)))
            (local.set $s (f32.const 0))
            (local.set $gp (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $p (i32.const 0))
            (block $donePT
              (loop $loopPT
                (br_if $donePT (i32.ge_u (local.get $p) (local.get $n)))
                (local.set $d (f32.load (local.get $gp)))
                (if (f32.ne (local.get $d) (f32.const 0))
                  (then
                    (local.set $s (f32.add (local.get $s) (f32.mul (local.get $d)
                      (f32.load (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2))))
                        (i32.shl (local.get $i) (i32.const 2)))))))))
                (local.set $gp (i32.add (local.get $gp) (local.get $stride)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $loopPT)))
            (f32.store (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))) (local.get $s))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $loopT)))
        (local.set $wrow (i32.add (local.get $wrow) (i32.shl (local.get $inputs) (i32.const 2))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $loopJ))))
)
