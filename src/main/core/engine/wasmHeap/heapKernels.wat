;; Kernels that work directly on the tfjs wasm backend's heap: the module imports the backend's own memory, so
;; tensors are read and written in place by their byte offsets (no copies in or out). float32 throughout, four
;; lanes at a time with WebAssembly SIMD and a scalar loop for what is left. Compiled into heapKernelsWasm.ts.
;;
;; maxPoolGrad2x2  MaxPool's gradient for 2x2 windows, stride 2, no padding (NHWC): each window's incoming
;;                 gradient goes to the first maximum in row-then-column order (the cpu backend's rule for ties);
;;                 the other three pixels get 0. Rows and columns outside every window are not written.
;; columnSums      out[c] = sum over r of x[r, c], rows added in order (a bias gradient: dy summed over N, H, W).
;; adam            tfjs's Adam step, operation by operation in the same order, m and v updated in place.
;; sgd             w' = (-lr) g + w.
;; momentum        a' = mu a + g; w' = (-lr) a' + w.
;; rmsprop         ms' = decay ms + (1 - decay) g^2; mom' = mu mom + (g lr) / sqrt(ms' + eps); w' = w - mom'.
;; Every update writes w' to `out`, which may be `w` itself.
;; filterGrad*    one block of a convolution's filter gradient dW[i, j, c, k] = sum over n, p, q of
;;                 x[n, p s + i d - pt, q s + j d - pl, c] dy[n, p, q, k], for one tap (i, j), with the sums held in
;;                 registers over every output pixel the tap reads (wasmConv2DBackpropFilter.ts drives them).
(module
  (import "env" "memory" (memory 1))

  (func (export "maxPoolGrad2x2")
    (param $x i32) (param $g i32) (param $dx i32) (param $batches i32) (param $inH i32) (param $inW i32)
    (param $c i32) (param $outH i32) (param $outW i32)
    (local $right i32) (local $down i32) (local $b i32) (local $r i32) (local $q i32) (local $d i32)
    (local $base i32) (local $p i32) (local $o i32) (local $c4 i32)
    (local $v00 v128) (local $v01 v128) (local $v10 v128) (local $v11 v128) (local $best v128) (local $m v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128) (local $gv v128)
    (local $f00 f32) (local $f01 f32) (local $f10 f32) (local $f11 f32) (local $fb f32) (local $at i32) (local $gf f32)
    (local.set $right (i32.shl (local.get $c) (i32.const 2)))
    (local.set $down (i32.mul (local.get $inW) (local.get $right)))
    (local.set $c4 (i32.and (local.get $c) (i32.const -4)))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $batches)))
      (local.set $r (i32.const 0))
      (block $rDone (loop $rLoop
        (br_if $rDone (i32.ge_u (local.get $r) (local.get $outH)))
        (local.set $q (i32.const 0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_u (local.get $q) (local.get $outW)))
          ;; byte offset of the window's top-left pixel, channel 0
          (local.set $base (i32.mul
            (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (i32.shl (local.get $r) (i32.const 1))) (local.get $inW))
                     (i32.shl (local.get $q) (i32.const 1)))
            (local.get $right)))
          (local.set $d (i32.const 0))
          (block $vDone (loop $vLoop
            (br_if $vDone (i32.ge_u (local.get $d) (local.get $c4)))
            (local.set $p (i32.add (local.get $x) (i32.add (local.get $base) (i32.shl (local.get $d) (i32.const 2)))))
            (local.set $v00 (v128.load (local.get $p)))
            (local.set $v01 (v128.load (i32.add (local.get $p) (local.get $right))))
            (local.set $v10 (v128.load (i32.add (local.get $p) (local.get $down))))
            (local.set $v11 (v128.load (i32.add (local.get $p) (i32.add (local.get $down) (local.get $right)))))
            ;; s00..s11: lane masks of the winning position so far
            (local.set $m (f32x4.gt (local.get $v01) (local.get $v00)))
            (local.set $best (v128.bitselect (local.get $v01) (local.get $v00) (local.get $m)))
            (local.set $s01 (local.get $m))
            (local.set $s00 (v128.not (local.get $m)))
            (local.set $m (f32x4.gt (local.get $v10) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $v10) (local.get $best) (local.get $m)))
            (local.set $s00 (v128.andnot (local.get $s00) (local.get $m)))
            (local.set $s01 (v128.andnot (local.get $s01) (local.get $m)))
            (local.set $s10 (local.get $m))
            (local.set $m (f32x4.gt (local.get $v11) (local.get $best)))
            (local.set $s00 (v128.andnot (local.get $s00) (local.get $m)))
            (local.set $s01 (v128.andnot (local.get $s01) (local.get $m)))
            (local.set $s10 (v128.andnot (local.get $s10) (local.get $m)))
            (local.set $s11 (local.get $m))
            (local.set $gv (v128.load (local.get $g)))
            (local.set $o (i32.add (local.get $dx) (i32.add (local.get $base) (i32.shl (local.get $d) (i32.const 2)))))
            (v128.store (local.get $o) (v128.and (local.get $gv) (local.get $s00)))
            (v128.store (i32.add (local.get $o) (local.get $right)) (v128.and (local.get $gv) (local.get $s01)))
            (v128.store (i32.add (local.get $o) (local.get $down)) (v128.and (local.get $gv) (local.get $s10)))
            (v128.store (i32.add (local.get $o) (i32.add (local.get $down) (local.get $right))) (v128.and (local.get $gv) (local.get $s11)))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $d (i32.add (local.get $d) (i32.const 4)))
            (br $vLoop)))
          (block $sDone (loop $sLoop
            (br_if $sDone (i32.ge_u (local.get $d) (local.get $c)))
            (local.set $p (i32.add (local.get $base) (i32.shl (local.get $d) (i32.const 2))))
            (local.set $f00 (f32.load (i32.add (local.get $x) (local.get $p))))
            (local.set $f01 (f32.load (i32.add (local.get $x) (i32.add (local.get $p) (local.get $right)))))
            (local.set $f10 (f32.load (i32.add (local.get $x) (i32.add (local.get $p) (local.get $down)))))
            (local.set $f11 (f32.load (i32.add (local.get $x) (i32.add (local.get $p) (i32.add (local.get $down) (local.get $right))))))
            (local.set $gf (f32.load (local.get $g)))
            (local.set $o (i32.add (local.get $dx) (local.get $p)))
            (f32.store (local.get $o) (f32.const 0))
            (f32.store (i32.add (local.get $o) (local.get $right)) (f32.const 0))
            (f32.store (i32.add (local.get $o) (local.get $down)) (f32.const 0))
            (f32.store (i32.add (local.get $o) (i32.add (local.get $down) (local.get $right))) (f32.const 0))
            (local.set $at (i32.const 0))
            (local.set $fb (local.get $f00))
            (if (f32.gt (local.get $f01) (local.get $fb)) (then (local.set $fb (local.get $f01)) (local.set $at (local.get $right))))
            (if (f32.gt (local.get $f10) (local.get $fb)) (then (local.set $fb (local.get $f10)) (local.set $at (local.get $down))))
            (if (f32.gt (local.get $f11) (local.get $fb)) (then (local.set $at (i32.add (local.get $down) (local.get $right)))))
            (f32.store (i32.add (local.get $o) (local.get $at)) (local.get $gf))
            (local.set $g (i32.add (local.get $g) (i32.const 4)))
            (local.set $d (i32.add (local.get $d) (i32.const 1)))
            (br $sLoop)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop))))

  (func (export "columnSums") (param $x i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $k i32) (local $c4 i32) (local $p i32) (local $o i32)
    (local.set $c4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $k (i32.const 0))
    (block $zDone (loop $zLoop
      (br_if $zDone (i32.ge_u (local.get $k) (local.get $cols)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (f32.const 0))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $zLoop)))
    (local.set $p (local.get $x))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $k (i32.const 0))
      (block $vDone (loop $vLoop
        (br_if $vDone (i32.ge_u (local.get $k) (local.get $c4)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))))
        (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (v128.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $vLoop)))
      (block $sDone (loop $sLoop
        (br_if $sDone (i32.ge_u (local.get $k) (local.get $cols)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))))
        (f32.store (local.get $o) (f32.add (f32.load (local.get $o)) (f32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $sLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rLoop))))

  ;; tfjs: m' = m b1 + g (1 - b1); v' = v b2 + g^2 (1 - b2); w' = ((m' / c1) / (sqrt(v' / c2) + eps)) (-lr) + w,
  ;; with c1 = 1 - b1^t and c2 = 1 - b2^t.
  (func (export "adam")
    (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $out i32) (param $n i32)
    (param $b1 f32) (param $ob1 f32) (param $b2 f32) (param $ob2 f32) (param $c1 f32) (param $c2 f32) (param $eps f32) (param $nlr f32)
    (local $i i32) (local $n4 i32) (local $at i32)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $vDone (loop $vLoop
      (br_if $vDone (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gv (v128.load (i32.add (local.get $g) (local.get $at))))
      (local.set $mv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $at))) (f32x4.splat (local.get $b1)))
        (f32x4.mul (local.get $gv) (f32x4.splat (local.get $ob1)))))
      (local.set $vv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $at))) (f32x4.splat (local.get $b2)))
        (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (f32x4.splat (local.get $ob2)))))
      (v128.store (i32.add (local.get $m) (local.get $at)) (local.get $mv))
      (v128.store (i32.add (local.get $v) (local.get $at)) (local.get $vv))
      (v128.store (i32.add (local.get $out) (local.get $at))
        (f32x4.add
          (f32x4.mul
            (f32x4.div
              (f32x4.div (local.get $mv) (f32x4.splat (local.get $c1)))
              (f32x4.add (f32x4.sqrt (f32x4.div (local.get $vv) (f32x4.splat (local.get $c2)))) (f32x4.splat (local.get $eps))))
            (f32x4.splat (local.get $nlr)))
          (v128.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $vLoop)))
    (block $sDone (loop $sLoop
      (br_if $sDone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gs (f32.load (i32.add (local.get $g) (local.get $at))))
      (local.set $ms (f32.add
        (f32.mul (f32.load (i32.add (local.get $m) (local.get $at))) (local.get $b1))
        (f32.mul (local.get $gs) (local.get $ob1))))
      (local.set $vs (f32.add
        (f32.mul (f32.load (i32.add (local.get $v) (local.get $at))) (local.get $b2))
        (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $ob2))))
      (f32.store (i32.add (local.get $m) (local.get $at)) (local.get $ms))
      (f32.store (i32.add (local.get $v) (local.get $at)) (local.get $vs))
      (f32.store (i32.add (local.get $out) (local.get $at))
        (f32.add
          (f32.mul
            (f32.div
              (f32.div (local.get $ms) (local.get $c1))
              (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $c2))) (local.get $eps)))
            (local.get $nlr))
          (f32.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sLoop))))

  (func (export "sgd") (param $w i32) (param $g i32) (param $out i32) (param $n i32) (param $nlr f32)
    (local $i i32) (local $n4 i32) (local $at i32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $vDone (loop $vLoop
      (br_if $vDone (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (v128.store (i32.add (local.get $out) (local.get $at))
        (f32x4.add (f32x4.mul (f32x4.splat (local.get $nlr)) (v128.load (i32.add (local.get $g) (local.get $at))))
                   (v128.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $vLoop)))
    (block $sDone (loop $sLoop
      (br_if $sDone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (f32.store (i32.add (local.get $out) (local.get $at))
        (f32.add (f32.mul (local.get $nlr) (f32.load (i32.add (local.get $g) (local.get $at))))
                 (f32.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sLoop))))

  (func (export "momentum") (param $w i32) (param $g i32) (param $a i32) (param $out i32) (param $n i32) (param $mu f32) (param $nlr f32)
    (local $i i32) (local $n4 i32) (local $at i32) (local $av v128) (local $as f32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $vDone (loop $vLoop
      (br_if $vDone (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $av (f32x4.add (f32x4.mul (f32x4.splat (local.get $mu)) (v128.load (i32.add (local.get $a) (local.get $at))))
                                (v128.load (i32.add (local.get $g) (local.get $at)))))
      (v128.store (i32.add (local.get $a) (local.get $at)) (local.get $av))
      (v128.store (i32.add (local.get $out) (local.get $at))
        (f32x4.add (f32x4.mul (f32x4.splat (local.get $nlr)) (local.get $av)) (v128.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $vLoop)))
    (block $sDone (loop $sLoop
      (br_if $sDone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $as (f32.add (f32.mul (local.get $mu) (f32.load (i32.add (local.get $a) (local.get $at))))
                              (f32.load (i32.add (local.get $g) (local.get $at)))))
      (f32.store (i32.add (local.get $a) (local.get $at)) (local.get $as))
      (f32.store (i32.add (local.get $out) (local.get $at))
        (f32.add (f32.mul (local.get $nlr) (local.get $as)) (f32.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sLoop))))

  (func (export "rmsprop")
    (param $w i32) (param $g i32) (param $ms i32) (param $mom i32) (param $out i32) (param $n i32)
    (param $decay f32) (param $odecay f32) (param $mu f32) (param $lr f32) (param $eps f32)
    (local $i i32) (local $n4 i32) (local $at i32) (local $gv v128) (local $sv v128) (local $mv v128)
    (local $gs f32) (local $ss f32) (local $mss f32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $vDone (loop $vLoop
      (br_if $vDone (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gv (v128.load (i32.add (local.get $g) (local.get $at))))
      (local.set $sv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $ms) (local.get $at))) (f32x4.splat (local.get $decay)))
        (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (f32x4.splat (local.get $odecay)))))
      (local.set $mv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $mom) (local.get $at))) (f32x4.splat (local.get $mu)))
        (f32x4.div (f32x4.mul (local.get $gv) (f32x4.splat (local.get $lr)))
                   (f32x4.sqrt (f32x4.add (local.get $sv) (f32x4.splat (local.get $eps)))))))
      (v128.store (i32.add (local.get $ms) (local.get $at)) (local.get $sv))
      (v128.store (i32.add (local.get $mom) (local.get $at)) (local.get $mv))
      (v128.store (i32.add (local.get $out) (local.get $at)) (f32x4.sub (v128.load (i32.add (local.get $w) (local.get $at))) (local.get $mv)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $vLoop)))
    (block $sDone (loop $sLoop
      (br_if $sDone (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gs (f32.load (i32.add (local.get $g) (local.get $at))))
      (local.set $ss (f32.add
        (f32.mul (f32.load (i32.add (local.get $ms) (local.get $at))) (local.get $decay))
        (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $odecay))))
      (local.set $mss (f32.add
        (f32.mul (f32.load (i32.add (local.get $mom) (local.get $at))) (local.get $mu))
        (f32.div (f32.mul (local.get $gs) (local.get $lr)) (f32.sqrt (f32.add (local.get $ss) (local.get $eps))))))
      (f32.store (i32.add (local.get $ms) (local.get $at)) (local.get $ss))
      (f32.store (i32.add (local.get $mom) (local.get $at)) (local.get $mss))
      (f32.store (i32.add (local.get $out) (local.get $at)) (f32.sub (f32.load (i32.add (local.get $w) (local.get $at))) (local.get $mss)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sLoop))))

  ;; filterGradC2K16: dW block of 2 input channel(s) x 16 output channels for one filter tap, summed over
  ;; n, p, q (the caller gives the first x and dy addresses of the tap's valid range and the byte steps).
  (func (export "filterGradC2K16")
    (param $x i32) (param $dy i32) (param $out i32) (param $n i32) (param $pCount i32) (param $qCount i32)
    (param $xBatch i32) (param $xRow i32) (param $xCol i32) (param $dyBatch i32) (param $dyRow i32) (param $dyCol i32) (param $outStride i32)
    (local $b i32) (local $p i32) (local $q i32) (local $xp i32) (local $dp i32)
    (local $a00 v128) (local $a01 v128) (local $a02 v128) (local $a03 v128) (local $a10 v128) (local $a11 v128) (local $a12 v128) (local $a13 v128)
    (local $x0 v128) (local $x1 v128) (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_u (local.get $p) (local.get $pCount)))
        (local.set $xp (i32.add (local.get $x) (i32.add (i32.mul (local.get $b) (local.get $xBatch)) (i32.mul (local.get $p) (local.get $xRow)))))
        (local.set $dp (i32.add (local.get $dy) (i32.add (i32.mul (local.get $b) (local.get $dyBatch)) (i32.mul (local.get $p) (local.get $dyRow)))))
        (local.set $q (local.get $qCount))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.eqz (local.get $q)))
          (local.set $x0 (v128.load32_splat offset=0 (local.get $xp)))
          (local.set $x1 (v128.load32_splat offset=4 (local.get $xp)))
          (local.set $d0 (v128.load offset=0 (local.get $dp)))
          (local.set $d1 (v128.load offset=16 (local.get $dp)))
          (local.set $d2 (v128.load offset=32 (local.get $dp)))
          (local.set $d3 (v128.load offset=48 (local.get $dp)))
          (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $x0) (local.get $d0))))
          (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $x0) (local.get $d1))))
          (local.set $a02 (f32x4.add (local.get $a02) (f32x4.mul (local.get $x0) (local.get $d2))))
          (local.set $a03 (f32x4.add (local.get $a03) (f32x4.mul (local.get $x0) (local.get $d3))))
          (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $x1) (local.get $d0))))
          (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $x1) (local.get $d1))))
          (local.set $a12 (f32x4.add (local.get $a12) (f32x4.mul (local.get $x1) (local.get $d2))))
          (local.set $a13 (f32x4.add (local.get $a13) (f32x4.mul (local.get $x1) (local.get $d3))))
          (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
          (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
          (local.set $q (i32.sub (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
    (v128.store offset=0 (local.get $out) (local.get $a00))
    (v128.store offset=16 (local.get $out) (local.get $a01))
    (v128.store offset=32 (local.get $out) (local.get $a02))
    (v128.store offset=48 (local.get $out) (local.get $a03))
    (v128.store offset=0 (i32.add (local.get $out) (i32.mul (local.get $outStride) (i32.const 1))) (local.get $a10))
    (v128.store offset=16 (i32.add (local.get $out) (i32.mul (local.get $outStride) (i32.const 1))) (local.get $a11))
    (v128.store offset=32 (i32.add (local.get $out) (i32.mul (local.get $outStride) (i32.const 1))) (local.get $a12))
    (v128.store offset=48 (i32.add (local.get $out) (i32.mul (local.get $outStride) (i32.const 1))) (local.get $a13))
  )

  ;; filterGradC1K8: dW block of 1 input channel(s) x 8 output channels for one filter tap, summed over
  ;; n, p, q (the caller gives the first x and dy addresses of the tap's valid range and the byte steps).
  (func (export "filterGradC1K8")
    (param $x i32) (param $dy i32) (param $out i32) (param $n i32) (param $pCount i32) (param $qCount i32)
    (param $xBatch i32) (param $xRow i32) (param $xCol i32) (param $dyBatch i32) (param $dyRow i32) (param $dyCol i32) (param $outStride i32)
    (local $b i32) (local $p i32) (local $q i32) (local $xp i32) (local $dp i32)
    (local $a00 v128) (local $a01 v128)
    (local $x0 v128) (local $d0 v128) (local $d1 v128)
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_u (local.get $p) (local.get $pCount)))
        (local.set $xp (i32.add (local.get $x) (i32.add (i32.mul (local.get $b) (local.get $xBatch)) (i32.mul (local.get $p) (local.get $xRow)))))
        (local.set $dp (i32.add (local.get $dy) (i32.add (i32.mul (local.get $b) (local.get $dyBatch)) (i32.mul (local.get $p) (local.get $dyRow)))))
        (local.set $q (local.get $qCount))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.eqz (local.get $q)))
          (local.set $x0 (v128.load32_splat offset=0 (local.get $xp)))
          (local.set $d0 (v128.load offset=0 (local.get $dp)))
          (local.set $d1 (v128.load offset=16 (local.get $dp)))
          (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $x0) (local.get $d0))))
          (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $x0) (local.get $d1))))
          (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
          (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
          (local.set $q (i32.sub (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
    (v128.store offset=0 (local.get $out) (local.get $a00))
    (v128.store offset=16 (local.get $out) (local.get $a01))
  )

  ;; filterGradC1K4: dW block of 1 input channel(s) x 4 output channels for one filter tap, summed over
  ;; n, p, q (the caller gives the first x and dy addresses of the tap's valid range and the byte steps).
  (func (export "filterGradC1K4")
    (param $x i32) (param $dy i32) (param $out i32) (param $n i32) (param $pCount i32) (param $qCount i32)
    (param $xBatch i32) (param $xRow i32) (param $xCol i32) (param $dyBatch i32) (param $dyRow i32) (param $dyCol i32) (param $outStride i32)
    (local $b i32) (local $p i32) (local $q i32) (local $xp i32) (local $dp i32)
    (local $a00 v128)
    (local $x0 v128) (local $d0 v128)
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_u (local.get $p) (local.get $pCount)))
        (local.set $xp (i32.add (local.get $x) (i32.add (i32.mul (local.get $b) (local.get $xBatch)) (i32.mul (local.get $p) (local.get $xRow)))))
        (local.set $dp (i32.add (local.get $dy) (i32.add (i32.mul (local.get $b) (local.get $dyBatch)) (i32.mul (local.get $p) (local.get $dyRow)))))
        (local.set $q (local.get $qCount))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.eqz (local.get $q)))
          (local.set $x0 (v128.load32_splat offset=0 (local.get $xp)))
          (local.set $d0 (v128.load offset=0 (local.get $dp)))
          (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $x0) (local.get $d0))))
          (local.set $xp (i32.add (local.get $xp) (local.get $xCol)))
          (local.set $dp (i32.add (local.get $dp) (local.get $dyCol)))
          (local.set $q (i32.sub (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
    (v128.store offset=0 (local.get $out) (local.get $a00))
  )
)
