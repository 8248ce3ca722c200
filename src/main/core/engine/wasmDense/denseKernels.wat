;; SIMD kernels for the first dense layer of the didactic engine (see firstLayerKernels.ts).
;; Build: wat2wasm denseKernels.wat -o dense.wasm && base64 -w0 dense.wasm   (the bytes live in denseKernelsWasm.ts)
;; All pointers are byte offsets into the one exported memory; arrays are float32 (bases: int32 element offsets).
(module
  (memory (export "memory") 1)

  ;; net[p * units + j] = (bias ? b[j] : 0) + Σ_i w[j * inputs + i] · x[bases[p] + i]   for p < n, j < units
  (func (export "netInputs")
    (param $w i32) (param $b i32) (param $hasBias i32) (param $x i32) (param $bases i32)
    (param $n i32) (param $inputs i32) (param $units i32) (param $net i32)
    (local $p i32) (local $j i32) (local $i i32) (local $xrow i32) (local $wrow i32)
    (local $in8 i32) (local $in4 i32) (local $acc0 v128) (local $acc1 v128) (local $s f32) (local $out i32)
    (local.set $in8 (i32.and (local.get $inputs) (i32.const -8)))
    (local.set $in4 (i32.and (local.get $inputs) (i32.const -4)))
    (local.set $out (local.get $net))
    (local.set $p (i32.const 0))
    (block $doneP
      (loop $loopP
        (br_if $doneP (i32.ge_u (local.get $p) (local.get $n)))
        (local.set $xrow (i32.add (local.get $x)
          (i32.shl (i32.load (i32.add (local.get $bases) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
        (local.set $wrow (local.get $w))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
            (local.set $acc0 (v128.const f32x4 0 0 0 0))
            (local.set $acc1 (v128.const f32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            ;; two accumulators, eight inputs per step
            (block $done8
              (loop $loop8
                (br_if $done8 (i32.ge_u (local.get $i) (local.get $in8)))
                (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul
                  (v128.load (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
                  (v128.load (i32.add (local.get $xrow) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul
                  (v128.load offset=16 (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
                  (v128.load offset=16 (i32.add (local.get $xrow) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 8)))
                (br $loop8)))
            (if (i32.lt_u (local.get $i) (local.get $in4))
              (then
                (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul
                  (v128.load (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
                  (v128.load (i32.add (local.get $xrow) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))))
            (local.set $acc0 (f32x4.add (local.get $acc0) (local.get $acc1)))
            (local.set $s (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $acc0)) (f32x4.extract_lane 1 (local.get $acc0)))
              (f32.add (f32x4.extract_lane 2 (local.get $acc0)) (f32x4.extract_lane 3 (local.get $acc0)))))
            (block $doneT
              (loop $loopT
                (br_if $doneT (i32.ge_u (local.get $i) (local.get $inputs)))
                (local.set $s (f32.add (local.get $s) (f32.mul
                  (f32.load (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
                  (f32.load (i32.add (local.get $xrow) (i32.shl (local.get $i) (i32.const 2)))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $loopT)))
            (if (local.get $hasBias)
              (then (local.set $s (f32.add (local.get $s) (f32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))))
            (f32.store (local.get $out) (local.get $s))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $wrow (i32.add (local.get $wrow) (i32.shl (local.get $inputs) (i32.const 2))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $loopJ)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $loopP))))

  ;; gw[j * inputs + i] += Σ_p g[p * units + j] · x[bases[p] + i]   (gw is accumulated into, not cleared)
  (func (export "gradients")
    (param $gw i32) (param $g i32) (param $x i32) (param $bases i32)
    (param $n i32) (param $inputs i32) (param $units i32)
    (local $p i32) (local $j i32) (local $i i32) (local $xrow i32) (local $wrow i32)
    (local $in4 i32) (local $d f32) (local $dv v128) (local $at i32)
    (local.set $in4 (i32.and (local.get $inputs) (i32.const -4)))
    (local.set $wrow (local.get $gw))
    (local.set $j (i32.const 0))
    (block $doneJ
      (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
        (local.set $p (i32.const 0))
        (block $doneP
          (loop $loopP
            (br_if $doneP (i32.ge_u (local.get $p) (local.get $n)))
            (local.set $d (f32.load (i32.add (local.get $g)
              (i32.shl (i32.add (i32.mul (local.get $p) (local.get $units)) (local.get $j)) (i32.const 2)))))
            (if (f32.ne (local.get $d) (f32.const 0))
              (then
                (local.set $dv (f32x4.splat (local.get $d)))
                (local.set $xrow (i32.add (local.get $x)
                  (i32.shl (i32.load (i32.add (local.get $bases) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
                (local.set $i (i32.const 0))
                (block $done4
                  (loop $loop4
                    (br_if $done4 (i32.ge_u (local.get $i) (local.get $in4)))
                    (local.set $at (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
                    (v128.store (local.get $at) (f32x4.add (v128.load (local.get $at))
                      (f32x4.mul (local.get $dv) (v128.load (i32.add (local.get $xrow) (i32.shl (local.get $i) (i32.const 2)))))))
                    (local.set $i (i32.add (local.get $i) (i32.const 4)))
                    (br $loop4)))
                (block $doneT
                  (loop $loopT
                    (br_if $doneT (i32.ge_u (local.get $i) (local.get $inputs)))
                    (local.set $at (i32.add (local.get $wrow) (i32.shl (local.get $i) (i32.const 2))))
                    (f32.store (local.get $at) (f32.add (f32.load (local.get $at))
                      (f32.mul (local.get $d) (f32.load (i32.add (local.get $xrow) (i32.shl (local.get $i) (i32.const 2)))))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $loopT)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $loopP)))
        (local.set $wrow (i32.add (local.get $wrow) (i32.shl (local.get $inputs) (i32.const 2))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $loopJ))))
)
