;; The fastest multiply-add throughput WebAssembly SIMD allows (bench/mlpPeak.ts). wasm has no fused multiply-add
;; outside relaxed SIMD, so a multiply-add is one f32x4.mul and one f32x4.add: six independent chains of each
;; (a = a + c, b = b * m, with m = 1 given at run time so that b never becomes a slow subnormal), none waiting for
;; memory or for another: enough to keep two adders and two multipliers of 3-cycle latency busy, and few enough
;; (14 vectors) for V8's sixteen xmm registers, so nothing spills. 24 multiply-adds (6 × 4 lanes) per iteration.
(module
  (func (export "peak") (param $iterations i32) (param $scale f32) (result f32)
    (local $m v128) (local $c v128)
    (local $a0 v128) (local $b0 v128) (local $a1 v128) (local $b1 v128) (local $a2 v128) (local $b2 v128) (local $a3 v128) (local $b3 v128) (local $a4 v128) (local $b4 v128) (local $a5 v128) (local $b5 v128)
    (local.set $m (f32x4.splat (local.get $scale)))
    (local.set $c (v128.const f32x4 0.001 0.001 0.001 0.001))
    (local.set $b0 (v128.const f32x4 1 1 1 1))
    (local.set $b1 (v128.const f32x4 1 1 1 1))
    (local.set $b2 (v128.const f32x4 1 1 1 1))
    (local.set $b3 (v128.const f32x4 1 1 1 1))
    (local.set $b4 (v128.const f32x4 1 1 1 1))
    (local.set $b5 (v128.const f32x4 1 1 1 1))
    (block $done (loop $loop
      (br_if $done (i32.eqz (local.get $iterations)))
      (local.set $a0 (f32x4.add (local.get $a0) (local.get $c)))
      (local.set $b0 (f32x4.mul (local.get $b0) (local.get $m)))
      (local.set $a1 (f32x4.add (local.get $a1) (local.get $c)))
      (local.set $b1 (f32x4.mul (local.get $b1) (local.get $m)))
      (local.set $a2 (f32x4.add (local.get $a2) (local.get $c)))
      (local.set $b2 (f32x4.mul (local.get $b2) (local.get $m)))
      (local.set $a3 (f32x4.add (local.get $a3) (local.get $c)))
      (local.set $b3 (f32x4.mul (local.get $b3) (local.get $m)))
      (local.set $a4 (f32x4.add (local.get $a4) (local.get $c)))
      (local.set $b4 (f32x4.mul (local.get $b4) (local.get $m)))
      (local.set $a5 (f32x4.add (local.get $a5) (local.get $c)))
      (local.set $b5 (f32x4.mul (local.get $b5) (local.get $m)))
      (local.set $iterations (i32.sub (local.get $iterations) (i32.const 1)))
      (br $loop)))
    ;; the sums are returned so that none of the work can be dropped
    (f32x4.extract_lane 0 (f32x4.add (f32x4.add (f32x4.add (f32x4.add (local.get $a0) (local.get $a1)) (f32x4.add (local.get $a2) (local.get $a3))) (f32x4.add (f32x4.add (local.get $a4) (local.get $a5)) (f32x4.add (local.get $b0) (local.get $b1)))) (f32x4.add (f32x4.add (local.get $b2) (local.get $b3)) (f32x4.add (local.get $b4) (local.get $b5))))))
)
