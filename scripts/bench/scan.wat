;; The floor of the browser benchmark: one pass over UTF-8 bytes already copied into memory,
;; counting full stops. Assembled by binaryen's wasm-as when `npm run bench` starts.
(module
  (memory (export "memory") 1)
  (func (export "count") (param $ptr i32) (param $len i32) (result i32)
    (local $end i32)
    (local $n i32)
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (local.set $n
          (i32.add (local.get $n)
            (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 46))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (br $next)))
    (local.get $n)))
