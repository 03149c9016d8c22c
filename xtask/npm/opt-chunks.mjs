// `wasm-opt -Oz --strip-debug --strip-producers` (with the features
// `xtask/src/dist.rs` enables) on every module named on the command line,
// in place, in one process: binaryen.js, the library of the same npm
// package as the wasm-opt command. The command takes two to three seconds
// to start, and `cargo xtask dist` has dozens of chunks of the split app,
// most of a few hundred bytes.
import binaryen from 'binaryen';
import { readFileSync, writeFileSync } from 'node:fs';

const F = binaryen.Features;
// The command's --enable-bulk-memory and --enable-reference-types imply
// bulk-memory-opt and call-indirect-overlong; the library does not.
const features =
  F.BulkMemory |
  F.BulkMemoryOpt |
  F.NontrappingFPToInt |
  F.SignExt |
  F.MutableGlobals |
  F.ReferenceTypes |
  F.CallIndirectOverlong |
  F.Multivalue;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);

for (const path of process.argv.slice(2)) {
  const start = Date.now();
  const input = readFileSync(path);
  const module = binaryen.readBinary(input);
  module.setFeatures(features);
  module.runPasses(['strip-debug', 'strip-producers']);
  module.optimize();
  if (!module.validate()) throw new Error(`${path}: not valid after optimising`);
  const output = module.emitBinary();
  module.dispose();
  writeFileSync(path, output);
  const took = ((Date.now() - start) / 1000).toFixed(1);
  console.log(`xtask: wasm-opt (binaryen.js) ${path}: ${input.length} → ${output.length} bytes, ${took} s`);
}
